import { expect } from '@playwright/test';
import { ProjectPage } from '../pages/project-page.js';
import { kubectl } from '../support/kube.js';
import { test } from '../support/kargo-test.js';
import { E2E_ADMIN_PASSWORD } from '../support/sign-in.js';

// Starts signed out: signs in with a token whose ServiceAccount the test then deletes.
test.use({ storageState: { cookies: [], origins: [] } });

/** A ServiceAccount bound to the project's kargo-viewer Role, and a token for it. */
async function doomedViewerToken(project: string): Promise<string> {
  await kubectl(['create', 'serviceaccount', 'doomed', '-n', project]);
  for (let attempt = 0; ; attempt++) {
    // Kargo's default roles are made when the Project is admitted; allow the controller a moment.
    const bound = await kubectl([
      'create',
      'rolebinding',
      'doomed',
      '--role=kargo-viewer',
      `--serviceaccount=${project}:doomed`,
      '-n',
      project,
    ]).then(
      () => true,
      () => false,
    );
    if (bound || attempt >= 20) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return (await kubectl(['create', 'token', 'doomed', '-n', project])).trim();
}

test('when the ServiceAccount behind a token session is deleted, the page returns to sign-in and back to where it was', async ({
  page,
  fixture,
}) => {
  const token = await doomedViewerToken(fixture.name);
  const where = `/projects/${fixture.name}?view=list`;
  await page.goto(`/login?method=token&next=${encodeURIComponent(where)}`);
  await page.getByLabel('Bearer token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const project = new ProjectPage(page, fixture.name);
  await expect(page.getByRole('heading', { level: 1, name: fixture.name })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`${where.replace('?', '\\?')}$`));

  await kubectl(['delete', 'serviceaccount', 'doomed', '-n', fixture.name]);
  // The next capabilities poll (every 5 s) answers 401 once Kubernetes refuses the token.
  await expect(page).toHaveURL(/\/login\?next=/, { timeout: 30_000 });
  expect(new URL(page.url()).searchParams.get('next')).toBe(where);

  await page.getByLabel('Admin password').fill(E2E_ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`${where.replace('?', '\\?')}$`));
  await expect(project.page.getByRole('heading', { level: 1, name: fixture.name })).toBeVisible();
});
