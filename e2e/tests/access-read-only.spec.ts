import { expect, test } from '@playwright/test';
import {
  createAccessProject,
  deleteProject,
  kubectl,
  missingPrerequisite,
  signInWithToken,
} from '../pages/access-kube.js';
import { AccessPage } from '../pages/access-page.js';

let project = '';
test.beforeEach(async ({ page }) => {
  const missing = await missingPrerequisite(page);
  test.skip(missing !== undefined, `skipped: ${missing}`);
  project = await createAccessProject();
});
test.afterEach(async () => {
  if (project) await deleteProject(project);
});

test('a viewer sees roles read-only, with the reason, and cannot open any change', async ({
  page,
}) => {
  // The project's default kargo-viewer role, signed in with a token of its ServiceAccount.
  const token = await kubectl(['create', 'token', 'kargo-viewer', '-n', project]);
  await signInWithToken(page, token.trim());

  const access = new AccessPage(page, project);
  await access.goto();
  await expect(page.getByRole('status').filter({ hasText: 'Read-only:' })).toBeVisible();
  await expect(access.row('kargo-admin')).toBeVisible();
  await expect(page.getByRole('link', { name: 'New role' })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await expect(
    access.row('kargo-admin').getByRole('button', { name: 'Grant or revoke kargo-admin' }),
  ).toBeDisabled();

  await access.gotoRole('kargo-admin');
  await expect(page.getByRole('button', { name: 'Delete role' })).toBeDisabled();
  await expect(page.getByRole('textbox', { name: 'Description' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Add permission' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Create token' })).toBeDisabled();
});
