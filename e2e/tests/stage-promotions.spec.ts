import { ProjectPage } from '../pages/project-page.js';
import { placeFreight } from '../support/fixture-project.js';
import { apply } from '../support/kube.js';
import { expect, test } from '../support/kargo-test.js';

const promotion = (project: string, stage: string, name: string, freight: string) => `
apiVersion: kargo.akuity.io/v1alpha1
kind: Promotion
metadata: {name: ${name}, namespace: ${project}}
spec:
  stage: ${stage}
  freight: ${freight}
  steps:
  - uses: fake-deploy
`;

const promotions = (project: string, stage: string, names: string[], freight: string) =>
  apply(names.map((n) => promotion(project, stage, n, freight)).join('---\n'));

test("a stage's Promotions tab lists the stage's promotions older than the snapshot's newest, and one created later appears", async ({
  page,
  fixture,
}) => {
  const p = fixture.name;
  // prod takes freight verified in test.
  await placeFreight(p, 'test', fixture.freight.old, 'old-otter');
  // prod's promotions are older than the ten of test, so the project's snapshot leaves them out.
  const older = ['prod.e2e-older-1', 'prod.e2e-older-2', 'prod.e2e-older-3'];
  await promotions(p, 'prod', older, fixture.freight.old);
  const newer = Array.from({ length: 10 }, (_, i) => `test.e2e-newer-${i}`);
  await promotions(p, 'test', newer, fixture.freight.old);

  const project = new ProjectPage(page, p);
  await project.goto();
  await project.openStage('prod');
  await page.getByRole('tab', { name: 'Promotions' }).click();
  const list = page.getByRole('list', { name: 'Promotions' }).getByRole('listitem');
  await expect(list).toHaveCount(older.length);

  await promotions(p, 'prod', ['prod.e2e-later'], fixture.freight.old);
  await expect(list).toHaveCount(older.length + 1);
});
