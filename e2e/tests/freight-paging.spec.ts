import { randomBytes } from 'node:crypto';
import { ProjectPage } from '../pages/project-page.js';
import { apply } from '../support/kube.js';
import { expect, test } from '../support/kargo-test.js';

/** `count` freight of the fixture's warehouse, discovered a minute apart an hour ago, newest last. */
function freightYaml(project: string, count: number, from: number): string {
  const start = Date.now() - (count + 10) * 60_000;
  return Array.from({ length: count }, (_, i) => {
    const n = from + i;
    return `apiVersion: kargo.akuity.io/v1alpha1
kind: Freight
metadata: {name: "${randomBytes(20).toString('hex')}", namespace: ${project}, labels: {kargo.akuity.io/alias: batch-${n}}}
alias: batch-${n}
discoveredAt: "${new Date(start + i * 60_000).toISOString()}"
origin: {kind: Warehouse, name: shop}
images: [{repoURL: ghcr.io/acme/shop, tag: 2.0.${n}}]`;
  }).join('\n---\n');
}

test('the timeline opens with the newest freight, pages in older ones as it scrolls, and the BFF answers searches that stay live', async ({
  page,
  fixture,
}) => {
  // 40 freight discovered before the fixture's two: the snapshot carries only the newest 20, so
  // the oldest of the batch (batch-0) is not in it.
  await apply(freightYaml(fixture.name, 40, 0));
  const project = new ProjectPage(page, fixture.name);
  await project.goto();
  const timeline = page.getByRole('region', { name: 'Freight timeline' });
  await expect(timeline.getByRole('heading', { name: 'Freight (42)' })).toBeVisible();
  await expect(project.freightCard('batch-39')).toBeVisible();
  const olderToCome = timeline.getByText(/^(Loading older|Older) freight…$/);
  await expect(olderToCome).toBeAttached();

  // Scrolling to the end of what is loaded fetches the next page, until the oldest shows.
  const list = timeline.getByRole('list', { name: 'Freight, newest first' });
  await expect(async () => {
    await list.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await expect(project.freightCard('batch-0')).toBeVisible({ timeout: 1000 });
  }).toPass();
  await expect(olderToCome).toHaveCount(0);

  // A search the BFF answers: found by tag, though never loaded into the first page.
  await list.evaluate((el) => el.scrollTo({ left: 0 }));
  await timeline.getByRole('textbox', { name: 'Search freight' }).fill('2.0.7');
  await expect(page).toHaveURL(/[?&]freightSearch=2\.0\.7/);
  await expect(timeline.getByRole('heading', { name: /^Freight \(\d+ of 42\)$/ })).toBeVisible();
  await expect(project.freightCard('batch-7')).toBeVisible();
  await expect(project.freightCard('batch-39')).toHaveCount(0);

  // Freight that arrives while searching shows up if it matches.
  await apply(
    freightYaml(fixture.name, 1, 700).replace(
      /discoveredAt: "[^"]+"/,
      `discoveredAt: "${new Date().toISOString()}"`,
    ),
  );
  await expect(project.freightCard('batch-700')).toBeVisible();
  await expect(project.freightCard('batch-7')).toBeVisible();
});
