import { expect, test } from '@playwright/test';
import {
  createAccessProject,
  deleteProject,
  kubectl,
  missingPrerequisite,
} from '../pages/access-kube.js';
import { SsoSession, signOutElsewhere } from '../pages/sso-session.js';

// brief@example.com's ID tokens live 20 s (e2e/support/oidc-provider.ts).
const EMAIL = 'brief@example.com';

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
  const appUrl = `${test.info().project.use.baseURL ?? ''}/`;
  const sso = new SsoSession(page, { appUrl, email: EMAIL, project, idTokenMs: 20_000 });
  const where = `/projects/${project}?q=stag`;
  await sso.signIn(where, 'staging');
  await sso.keepsWorkingPastExpiry('staging', () =>
    kubectl(['annotate', 'stage', 'staging', '-n', project, 'kargo.akuity.io/color=#c62828']),
  );

  // Signed out in another browser: this page notices by itself, no click needed.
  await signOutElsewhere(browser, page.context(), appUrl);
  await sso.returnedToSignIn(where);
  await sso.signInAgain(where, 'staging');
  await expect(page.getByLabel('Search stages')).toHaveValue('stag');
});
