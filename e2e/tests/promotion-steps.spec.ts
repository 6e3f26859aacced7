import { ProjectPage } from '../pages/project-page.js';
import { apply } from '../support/kube.js';
import { phaseOf, promotionsOf } from '../support/promotions.js';
import { expect, test } from '../support/kargo-test.js';

test('each promotion step shows its config as written and the output it stored, as YAML', async ({
  page,
  fixture,
}) => {
  await apply(`
apiVersion: kargo.akuity.io/v1alpha1
kind: Stage
metadata: {name: composed, namespace: ${fixture.name}}
spec:
  requestedFreight:
  - origin: {kind: Warehouse, name: shop}
    sources: {direct: true}
  promotionTemplate:
    spec:
      steps:
      - as: compose
        uses: compose-output
        config: {greeting: hello, target: "\${{ ctx.stage }}"}
`);
  const project = new ProjectPage(page, fixture.name);
  await project.page.goto(
    `/projects/${fixture.name}?promote=composed&freight=${fixture.freight.new}`,
  );
  await project.promoteDialog().getByRole('button', { name: 'Promote', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Promotion to composed' })).toBeVisible();
  await expect.poll(async () => (await promotionsOf(fixture.name, 'composed')).length).toBe(1);
  const [promotion] = await promotionsOf(fixture.name, 'composed');
  if (!promotion) throw new Error('no promotion');
  await expect
    .poll(() => phaseOf(fixture.name, promotion.metadata.name), { timeout: 30_000 })
    .toBe('Succeeded');
  await expect(page.getByRole('status', { name: 'Promotion phase: Succeeded' })).toBeVisible();

  const toggle = page.getByRole('button', { name: 'Details of step compose' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const details = page.getByRole('region', { name: 'Step compose details' });
  // The config is the Promotion's spec as written; the output is what the step produced from it.
  const config = details.getByLabel('Config of compose');
  await expect(config).toContainText('greeting: hello');
  await expect(config).toContainText('target: ${{ ctx.stage }}');
  const output = details.getByLabel('Output of compose');
  await expect(output).toContainText('greeting: hello');
  await expect(output).toContainText('target: composed');

  await toggle.click();
  await expect(details).toHaveCount(0);
});
