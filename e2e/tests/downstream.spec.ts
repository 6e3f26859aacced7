import { ProjectPage } from '../pages/project-page.js';
import { placeFreight } from '../support/fixture-project.js';
import { promotionsOf } from '../support/promotions.js';
import { expect, test } from '../support/kargo-test.js';

test('promoting downstream from a stage creates a Promotion of its freight in each stage after it, reported per stage', async ({
  page,
  fixture,
}) => {
  await placeFreight(fixture.name, 'test', fixture.freight.new, 'new-newt');
  const project = new ProjectPage(page, fixture.name);
  await project.goto();
  await project.openStage('test');
  await page.getByRole('button', { name: 'Promote downstream' }).click();
  const dialog = page.getByRole('dialog', { name: /downstream of test/ });
  await expect(dialog.getByRole('list', { name: 'Downstream stages' })).toContainText('prod');
  await dialog.getByRole('button', { name: /Promote to 1 stage/ }).click();
  await expect(dialog.getByRole('button', { name: /^Promotion prod\./ })).toBeVisible();
  await expect
    .poll(async () => (await promotionsOf(fixture.name, 'prod')).map((p) => p.spec.freight))
    .toContain(fixture.freight.new);
});
