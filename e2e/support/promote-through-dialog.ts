import { expect, type Page } from '@playwright/test';
import type { FixtureProject } from './fixture-project.js';
import { apply } from './kube.js';
import { promotionsOf } from './promotions.js';

/**
 * Adds a stage fed directly from the fixture's warehouse whose promotion runs `stepsYaml`
 * (the YAML list under `steps:`, indented by 6), promotes the fixture's new freight to it through
 * the confirm dialog, and returns the one Promotion Kubernetes then holds.
 */
export async function promoteToNewStage(
  page: Page,
  fixture: FixtureProject,
  stage: string,
  stepsYaml: string,
): Promise<{ metadata: { name: string } }> {
  await apply(`
apiVersion: kargo.akuity.io/v1alpha1
kind: Stage
metadata: {name: ${stage}, namespace: ${fixture.name}}
spec:
  requestedFreight:
  - origin: {kind: Warehouse, name: shop}
    sources: {direct: true}
  promotionTemplate:
    spec:
      steps:
${stepsYaml}
`);
  await page.goto(`/projects/${fixture.name}?promote=${stage}&freight=${fixture.freight.new}`);
  await page
    .getByRole('dialog', { name: /^Promote/ })
    .getByRole('button', { name: 'Promote', exact: true })
    .click();
  await expect(page.getByRole('heading', { name: `Promotion to ${stage}` })).toBeVisible();
  await expect.poll(async () => (await promotionsOf(fixture.name, stage)).length).toBe(1);
  const [promotion] = await promotionsOf(fixture.name, stage);
  if (!promotion) throw new Error(`no promotion of stage ${stage}`);
  return promotion;
}
