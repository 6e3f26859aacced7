import { ProjectPage } from '../pages/project-page.js';
import { apply } from '../support/kube.js';
import { phaseOf, promotionsOf } from '../support/promotions.js';
import { expect, test } from '../support/kargo-test.js';

test('a promotion whose step fails shows the failing step and its message, and offers a retry', async ({
  page,
  fixture,
}) => {
  await apply(`
apiVersion: kargo.akuity.io/v1alpha1
kind: Stage
metadata: {name: broken, namespace: ${fixture.name}}
spec:
  requestedFreight:
  - origin: {kind: Warehouse, name: shop}
    sources: {direct: true}
  promotionTemplate:
    spec:
      steps:
      - as: deploy
        uses: fail
        config: {message: "the cluster said no"}
`);
  const project = new ProjectPage(page, fixture.name);
  await project.page.goto(
    `/projects/${fixture.name}?promote=broken&freight=${fixture.freight.new}`,
  );
  await project.promoteDialog().getByRole('button', { name: 'Promote', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Promotion to broken' })).toBeVisible();
  await expect.poll(async () => (await promotionsOf(fixture.name, 'broken')).length).toBe(1);
  const [promotion] = await promotionsOf(fixture.name, 'broken');
  if (!promotion) throw new Error('no promotion');
  // Whatever ran it (Kargo or the embedded stand-in) decides the phase; the page must show it.
  await expect
    .poll(() => phaseOf(fixture.name, promotion.metadata.name), { timeout: 30_000 })
    .toMatch(/Failed|Errored/);
  await expect(
    page.getByRole('status', { name: /^Promotion phase: (Failed|Errored)$/ }),
  ).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Failed at step deploy' })).toContainText(
    'the cluster said no',
  );
  await expect(page.getByRole('button', { name: 'Retry' })).toBeEnabled();
});
