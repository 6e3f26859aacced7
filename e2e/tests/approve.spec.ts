import { ProjectPage } from '../pages/project-page.js';
import { kubectl } from '../support/kube.js';
import { expect, test } from '../support/kargo-test.js';

test('approving a freight for a stage from its card records approvedFor and shows it in the freight drawer', async ({
  page,
  fixture,
}) => {
  const project = new ProjectPage(page, fixture.name);
  await project.goto();
  await project
    .freightCard('new-newt')
    .getByRole('button', { name: 'Approve new-newt for a stage' })
    .click();
  await page.getByRole('menuitem', { name: /^prod/ }).click();
  await expect
    .poll(() =>
      kubectl([
        'get',
        'freight',
        fixture.freight.new,
        '-n',
        fixture.name,
        '-o',
        'jsonpath={.status.approvedFor.prod.approvedAt}',
      ]),
    )
    .not.toBe('');
  await project.openFreight('new-newt');
  await expect(page.getByRole('heading', { name: 'Approved for' })).toBeVisible();
  await expect(page.locator('.MuiChip-root', { hasText: 'prod' })).toBeVisible();
  await page.keyboard.press('Escape');
  await project
    .freightCard('new-newt')
    .getByRole('button', { name: 'Approve new-newt for a stage' })
    .click();
  await expect(page.getByRole('menuitem', { name: /^prod/ })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
});
