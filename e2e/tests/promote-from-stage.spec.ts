import { expectFollowsPromotion } from '../pages/promote-flow.js';
import { ProjectPage } from '../pages/project-page.js';
import { expect, test } from '../support/kargo-test.js';

test('promoting from a stage offers its freight, confirms with the artifact diff and follows the real Promotion', async ({
  page,
  fixture,
}) => {
  const project = new ProjectPage(page, fixture.name);
  await project.goto();
  await project.stage('test').getByRole('button', { name: 'Promote to test' }).click();
  const dialog = project.promoteDialog();
  await expect(dialog.getByRole('list', { name: 'Freight for test' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Select new-newt' }).click();
  await expect(page).toHaveURL(new RegExp(`promote=test&freight=${fixture.freight.new}`));
  const diff = dialog.getByRole('table', { name: 'Current and incoming artifacts' });
  await expect(
    diff.getByRole('row', { name: /ghcr\.io\/acme\/shop.*1\.1\.0.*(New|Changed)/ }),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Promote', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expectFollowsPromotion(page, fixture.name, 'test', fixture.freight.new);
});

test('freight a stage may not take yet is offered with the reason instead of a Select button', async ({
  page,
  fixture,
}) => {
  const project = new ProjectPage(page, fixture.name);
  await project.goto();
  await project.stage('prod').getByRole('button', { name: 'Promote to prod' }).click();
  const list = project.promoteDialog().getByRole('list', { name: 'Freight for prod' });
  await expect(list.getByRole('button', { name: 'Select new-newt' })).toBeDisabled();
  await expect(list.getByRole('listitem').filter({ hasText: 'new-newt' })).not.toContainText(
    'Eligible',
  );
});
