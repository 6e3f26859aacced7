import { randomBytes } from 'node:crypto';
import { ProjectsPage } from '../pages/projects-page.js';
import { apply } from '../support/kube.js';
import { expect, test } from '../support/kargo-test.js';

test('the projects list shows health counts, filters by text, keeps stars across reloads and updates live', async ({
  page,
  fixture,
}) => {
  const projects = new ProjectsPage(page);
  await projects.goto();
  const tile = projects.tile(fixture.name);
  await expect(tile).toBeVisible({ timeout: 15_000 });
  await expect(tile).toContainText(/\d+\/2 stages healthy/);
  await expect(tile).toContainText(/\d+\/1 warehouses healthy/);

  await projects.filter().fill(fixture.name);
  await expect(page).toHaveURL(new RegExp(`q=${fixture.name}`));
  await expect(page.getByRole('list', { name: 'Projects' }).getByRole('listitem')).toHaveCount(1);

  await tile.getByRole('button', { name: `Star ${fixture.name}` }).click();
  await page.reload();
  await expect(
    projects.tile(fixture.name).getByRole('button', { name: `Unstar ${fixture.name}` }),
  ).toHaveAttribute('aria-pressed', 'true');

  const other = `${fixture.name}-late-${randomBytes(2).toString('hex')}`;
  await apply(`
apiVersion: v1
kind: Namespace
metadata: {name: ${other}, labels: {kargo.akuity.io/project: "true"}}
---
apiVersion: kargo.akuity.io/v1alpha1
kind: Project
metadata: {name: ${other}}
`);
  await expect(projects.tile(other)).toBeVisible({ timeout: 15_000 });
});
