import { expectFollowsPromotion } from '../pages/promote-flow.js';
import { dragFreightOnto } from '../pages/drag.js';
import { ProjectPage } from '../pages/project-page.js';
import { expect, test } from '../support/kargo-test.js';

test('dropping a freight card on a stage opens the confirmation for that pair, then follows the Promotion', async ({
  page,
  fixture,
}) => {
  const project = new ProjectPage(page, fixture.name);
  await project.goto();
  await dragFreightOnto(
    page,
    project.freightCard('old-otter'),
    project.stage('test'),
    'Drop to promote to test',
  );
  const dialog = project.promoteDialog();
  await expect(dialog.getByRole('heading', { name: 'Promote old-otter to test' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Promote', exact: true }).click();
  await expectFollowsPromotion(page, fixture.name, 'test', fixture.freight.old);
});
