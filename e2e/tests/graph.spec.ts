import { ProjectPage } from '../pages/project-page.js';
import { expect, test } from '../support/kargo-test.js';

test('the graph shows the warehouse, its subscription, the stages and edges of a project made with kubectl', async ({
  page,
  fixture,
}) => {
  const project = new ProjectPage(page, fixture.name);
  await project.goto();
  await expect(project.warehouse('shop')).toBeVisible();
  await expect(project.stage('test')).toBeVisible();
  await expect(project.stage('prod')).toBeVisible();
  await expect(page.getByText('ghcr.io/acme/shop', { exact: true })).toBeVisible();
  // subscription → warehouse, warehouse → test, test → prod
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);
  await expect(project.freightCard('old-otter')).toBeVisible();
  await expect(project.freightCard('new-newt')).toBeVisible();
});

test('the list view, the stage search and the open drawer live in the URL', async ({
  page,
  fixture,
}) => {
  const project = new ProjectPage(page, fixture.name);
  await project.goto();
  await page.getByRole('button', { name: 'List' }).click();
  await expect(page).toHaveURL(/view=list/);
  await expect(page.getByRole('table', { name: 'Stages' }).getByRole('row')).toHaveCount(3);
  await page.getByRole('searchbox', { name: 'Search stages' }).fill('prod');
  await expect(page.getByRole('table', { name: 'Stages' }).getByRole('row')).toHaveCount(2);
  await page.getByRole('button', { name: 'prod', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${fixture.name}/stages/prod\\?.*q=prod`));
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Stage prod' })).toBeVisible();
  await page.getByRole('tab', { name: 'Live manifest' }).click();
  await expect(page).toHaveURL(/tab=yaml/);
  await expect(page.getByLabel('Live manifest')).toContainText('kind: Stage');
});
