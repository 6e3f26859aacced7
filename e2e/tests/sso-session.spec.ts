import { expect, test } from '@playwright/test';
import {
  createAccessProject,
  deleteProject,
  kubectl,
  missingPrerequisite,
} from '../pages/access-kube.js';
import { ProjectPage } from '../pages/project-page.js';
import { signInWithSso, signOutElsewhere, watchSession } from '../pages/sso-session.js';

// brief@example.com's ID tokens live 20 s (e2e/support/oidc-provider.ts).
const EMAIL = 'brief@example.com';
const ID_TOKEN_MS = 20_000;

test.use({ storageState: { cookies: [], origins: [] } });

let project = '';
test.beforeEach(async ({ page }) => {
  const missing = await missingPrerequisite(page);
  test.skip(missing !== undefined, `skipped: ${missing}`);
  project = await createAccessProject();
  // Kargo's way: the project's viewer ServiceAccount names the people it stands for.
  await kubectl([
    'annotate',
    'serviceaccount',
    'kargo-viewer',
    '-n',
    project,
    `rbac.kargo.akuity.io/claims={"email":["${EMAIL}"]}`,
  ]);
});
test.afterEach(async () => {
  if (project) await deleteProject(project);
});

test('an SSO session outlives its 20 s ID token silently, and when signed out elsewhere the page returns to sign-in and back to where it was', async ({
  page,
  browser,
}) => {
  const seen = watchSession(page);
  const board = new ProjectPage(page, project);
  const appUrl = test.info().project.use.baseURL ?? '';
  const where = `/projects/${project}?q=stag`;
  const at = (path: string) => new URL(path, appUrl).href;
  await page.goto(`/login?next=${encodeURIComponent(where)}`);
  const signedInAt = Date.now();
  await signInWithSso(page, EMAIL);
  await expect(page).toHaveURL(at(where));
  await expect(board.stage('staging')).toBeVisible();
  seen.signInPages.length = 0;

  // Past the first ID token's expiry, with no sign-in prompt: the page refreshed on its own.
  await expect.poll(() => seen.refreshes, { timeout: ID_TOKEN_MS }).toContain(200);
  await expect
    .poll(() => Date.now(), { timeout: ID_TOKEN_MS })
    .toBeGreaterThan(signedInAt + ID_TOKEN_MS + 1_000);
  const me = await page.evaluate(async () => {
    const res = await fetch('api/v1/auth/me');
    return { status: res.status, body: (await res.json()) as { username?: string } };
  });
  expect(me).toMatchObject({ status: 200, body: { username: EMAIL } });
  // The socket took the new cookie (it connected again), and live updates still arrive.
  expect(seen.sockets).toBeGreaterThan(1);
  await kubectl(['annotate', 'stage', 'staging', '-n', project, 'kargo.akuity.io/color=#c62828']);
  await expect(board.stageTitle('staging')).toHaveCSS('background-color', 'rgb(198, 40, 40)', {
    timeout: 15_000,
  });
  expect(seen.signInPages).toEqual([]);
  // Halfway through each 20 s token, not in a loop.
  expect(seen.refreshes.every((s) => s === 200)).toBe(true);
  expect(seen.refreshes.length).toBeLessThanOrEqual(4);

  // Signed out in another browser: this page notices by itself, no click needed.
  await signOutElsewhere(browser, page.context(), appUrl);
  await expect(page).toHaveURL(at(`/login?next=${encodeURIComponent(where)}`), {
    timeout: 15_000,
  });

  await signInWithSso(page, EMAIL);
  await expect(page).toHaveURL(at(where));
  await expect(board.stage('staging')).toBeVisible();
  await expect(page.getByLabel('Search stages')).toHaveValue('stag');
});
