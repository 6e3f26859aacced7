import { expect, test } from '@playwright/test';
import {
  HAVE_KARGO_CRDS,
  NO_KARGO_CRDS,
  ProductionTopology,
  TOPOLOGY_ADMIN_PASSWORD,
  TOPOLOGY_PROJECT,
  TOPOLOGY_USERS,
} from '@wharf/test-support';
import { SsoSession } from '../pages/sso-session.js';

// Wharf as in production: two replicas behind nginx (TLS, round-robin, websockets) under /wharf/,
// on a cluster where it runs with only deploy/rbac. One topology for the whole file.
test.describe.configure({ mode: 'serial' });
test.skip(!HAVE_KARGO_CRDS, NO_KARGO_CRDS);
test.use({ storageState: { cookies: [], origins: [] }, ignoreHTTPSErrors: true });

let topology: ProductionTopology;
test.beforeAll(async () => {
  test.setTimeout(240_000);
  topology = await ProductionTopology.start();
});
test.afterAll(async () => {
  await topology?.close();
});

test('Chromium signs in and uses the dashboard under /wharf/ through the proxy with no failed request', async ({
  page,
}) => {
  const failed: string[] = [];
  const outside: string[] = [];
  page.on('requestfailed', (r) => failed.push(`${r.url()}: ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    // Before signing in, the app asks who is signed in, and the first screen what needs
    // attention, and is told nobody is (401): expected.
    const expected =
      r.status() === 401 &&
      ['/wharf/api/v1/auth/me', '/wharf/api/v1/attention'].some((p) => r.url().endsWith(p));
    if (r.status() >= 400 && !expected) failed.push(`${r.url()}: ${r.status()}`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(topology.url.replace(/\/$/, ''))) outside.push(r.url());
  });

  await page.goto(topology.url);
  await expect(page).toHaveURL(/\/wharf\/login\?next=/);
  await page.getByLabel('Admin password').fill(TOPOLOGY_ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible();
  // The router's root is the base path itself (`/wharf`; the server sends `/wharf` to `/wharf/`).
  await expect(page).toHaveURL(new RegExp(`^${topology.url.replace(/\/$/, '')}/?$`));

  await page.getByRole('link', { name: `Open project ${TOPOLOGY_PROJECT}` }).click();
  await expect(page).toHaveURL(`${topology.url}projects/${TOPOLOGY_PROJECT}`);
  await expect(page.getByRole('heading', { level: 1, name: TOPOLOGY_PROJECT })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Stage production' })).toBeVisible();
  await expect(page.getByRole('status', { name: /Live updates: Live/ })).toBeVisible();

  // A reload on a deep link under the sub-path serves the app again, still signed in.
  await page.reload();
  await expect(page.getByRole('group', { name: 'Stage production' })).toBeVisible();
  await expect(page.getByRole('status', { name: /Live updates: Live/ })).toBeVisible();
  // The server's build, named relative to /wharf/, is the page's own: no update is offered.
  await expect(page.getByRole('status', { name: 'Wharf was updated' })).toHaveCount(0);

  // Needs attention opened by its address: the shell's preloaded read, scripts and styles
  // resolve under /wharf/ through the proxy, and its filter is read from the URL.
  await page.goto(`${topology.url}attention?kind=stage-unhealthy`);
  await expect(
    page.getByRole('heading', { level: 1, name: /^Needs attention \(\d+\)$/ }),
  ).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Kind' })).toHaveValue('stage-unhealthy');

  expect(failed).toEqual([]);
  expect(outside).toEqual([]);
});

test('through the proxy, an SSO session outlives its 20 s ID token silently, and when the provider refuses the refresh the page returns to sign-in and back', async ({
  page,
}) => {
  const { email } = TOPOLOGY_USERS.promoter;
  const account = topology.idp.accounts.get(email);
  if (!account) throw new Error(`the test provider has no ${email}`);
  topology.idp.accounts.set(email, { ...account, idTokenTtl: 20 });
  const sso = new SsoSession(page, {
    appUrl: topology.url,
    email,
    project: TOPOLOGY_PROJECT,
    idTokenMs: 20_000,
  });
  const graph = `/projects/${TOPOLOGY_PROJECT}?q=prod`;
  await sso.signIn(graph, 'production');
  await sso.keepsWorkingPastExpiry('production', () =>
    topology.admin.kubectl([
      'annotate',
      '--overwrite',
      'stage',
      'production',
      '-n',
      TOPOLOGY_PROJECT,
      'kargo.akuity.io/color=#c62828',
    ]),
  );

  // The person leaves the company: the provider refuses the next refresh, and the page notices.
  topology.idp.accounts.delete(email);
  await sso.returnedToSignIn(graph);
  topology.idp.accounts.set(email, account);
  await sso.signInAgain(graph, 'production');
});
