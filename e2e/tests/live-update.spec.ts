import { ProjectPage } from '../pages/project-page.js';
import { apply, kubectl } from '../support/kube.js';
import { expect, test } from '../support/kargo-test.js';

test('a stage added and recoloured with kubectl appears on the open page without a reload', async ({
  page,
  fixture,
}) => {
  const project = new ProjectPage(page, fixture.name);
  await project.goto();
  await expect(project.stage('prod')).toBeVisible();
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));
  await apply(`
apiVersion: kargo.akuity.io/v1alpha1
kind: Stage
metadata: {name: canary, namespace: ${fixture.name}}
spec:
  requestedFreight:
  - origin: {kind: Warehouse, name: shop}
    sources: {stages: [test]}
  promotionTemplate:
    spec:
      steps:
      - uses: fake-deploy
`);
  await expect(project.stage('canary')).toBeVisible({ timeout: 15_000 });
  await kubectl([
    'annotate',
    'stage',
    'canary',
    '-n',
    fixture.name,
    'kargo.akuity.io/color=#c62828',
  ]);
  await expect(project.stageTitle('canary')).toHaveCSS('background-color', 'rgb(198, 40, 40)', {
    timeout: 15_000,
  });
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe(
    'same page',
  );
});
