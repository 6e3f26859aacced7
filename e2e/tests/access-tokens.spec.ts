import { expect, test } from '@playwright/test';
import {
  createAccessProject,
  deleteProject,
  kubectl,
  missingPrerequisite,
  signInAsAdmin,
} from '../pages/access-kube.js';
import { AccessPage } from '../pages/access-page.js';

let project = '';
test.beforeEach(async ({ page }) => {
  const missing = await missingPrerequisite(page);
  test.skip(missing !== undefined, `skipped: ${missing}`);
  project = await createAccessProject();
  await signInAsAdmin(page);
});
test.afterEach(async () => {
  if (project) await deleteProject(project);
});

test('an API token created in the UI is shown once and works with kubectl --token', async ({
  page,
}) => {
  const access = new AccessPage(page, project);
  await access.gotoRole('kargo-viewer');
  await page.getByRole('textbox', { name: 'New token name' }).fill('ci-reader');
  await page.getByRole('button', { name: 'Create token' }).click();

  const dialog = page.getByRole('dialog', { name: 'API token ci-reader created' });
  await expect(dialog).toContainText('shown only this once');
  const token = await dialog.getByRole('textbox', { name: 'Token' }).inputValue();
  expect(token.length).toBeGreaterThan(20);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  const list = page.getByRole('table', { name: 'API tokens of kargo-viewer' });
  await expect(list.getByRole('row', { name: /ci-reader/ })).toBeVisible();
  // The value is never on screen again.
  await expect(page.getByText(token)).toHaveCount(0);

  // The token is the role's identity: it may read stages, and may not delete them.
  const stages = await kubectl(['--token', token, 'get', 'stages', '-n', project, '-o', 'name']);
  expect(stages).toContain('stage.kargo.akuity.io/staging');
  await expect(
    kubectl(['--token', token, 'delete', 'stage', 'staging', '-n', project]),
  ).rejects.toThrow(/forbidden/i);

  page.once('dialog', (d) => void d.accept());
  await list.getByRole('button', { name: 'Delete token ci-reader' }).click();
  await expect(list).toBeHidden();
  await expect(kubectl(['get', 'secret', 'ci-reader', '-n', project])).rejects.toThrow();
});
