import { expectFollowsPromotion } from '../pages/promote-flow.js';
import { ProjectPage } from '../pages/project-page.js';
import { expect, test } from '../support/kargo-test.js';

test('a promotion can be done with the keyboard alone, and single-key shortcuts stay quiet while typing', async ({
  page,
  fixture,
}) => {
  const project = new ProjectPage(page, fixture.name);
  await project.goto();
  // `/` searches the project in the palette; `s` goes to the stage filter.
  await page.keyboard.press('/');
  const palette = page.getByRole('combobox', { name: /^Search projects/ });
  await expect(palette).toBeFocused();
  await expect(page.getByRole('checkbox', { name: `Only in ${fixture.name}` })).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(palette).toHaveCount(0);
  await page.keyboard.press('s');
  await expect(page.getByRole('searchbox', { name: 'Search stages' })).toBeFocused();
  await page.keyboard.type('l');
  await expect(page).not.toHaveURL(/view=list/);
  await page.keyboard.press('Escape');
  await page.getByRole('searchbox', { name: 'Search stages' }).fill('');
  await page.keyboard.press('Tab');
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('row', { name: `/ Search in ${fixture.name}` })).toBeVisible();
  await expect(sheet.getByRole('row', { name: 's Search stages' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('l');
  await expect(page).toHaveURL(/view=list/);
  // Tab to the list's Promote button for test, open the dialog, choose freight, confirm.
  const promote = page.getByRole('button', { name: 'Promote to test' });
  await expect(promote).toBeVisible({ timeout: 30_000 });
  for (let i = 0; i < 40 && !(await promote.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(promote).toBeFocused();
  await page.keyboard.press('Enter');
  const select = project.promoteDialog().getByRole('button', { name: 'Select new-newt' });
  for (let i = 0; i < 20 && !(await select.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(select).toBeFocused();
  await page.keyboard.press('Enter');
  const confirm = project.promoteDialog().getByRole('button', { name: 'Promote', exact: true });
  for (let i = 0; i < 20 && !(await confirm.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(confirm).toBeFocused();
  await page.keyboard.press('Enter');
  await expectFollowsPromotion(page, fixture.name, 'test', fixture.freight.new);
});
