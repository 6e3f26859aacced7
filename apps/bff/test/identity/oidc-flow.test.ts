import { readFile } from 'node:fs/promises';
import { CoreV1Api } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthMeSchema, LogoutResultSchema } from '@wharf/shared/api';
import { TestBrowser } from './support/browser.js';
import { type TestCluster, startTestCluster } from './support/cluster.js';
import { type TestApp, startTestApp } from './support/test-app.js';

const FIXTURE = new URL('../roles/fixtures/kargo-roles.yaml', import.meta.url);

let cluster: TestCluster;
let app: TestApp;

beforeAll(async () => {
  cluster = await startTestCluster();
  await cluster.createProjectNamespace('demo');
  await cluster.apply(await readFile(FIXTURE, 'utf8'));
  app = await startTestApp(cluster);
  app.idp.accounts.set('ann', { email: 'ann@x.io', groups: [] });
});
afterAll(async () => {
  await app?.close();
  await cluster?.close();
});

async function signIn(browser: TestBrowser, sub: string, returnTo = '/projects/demo') {
  app.idp.loginAs(sub);
  return browser.navigate(
    `${app.url}/api/v1/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`,
  );
}

describe('OIDC sign-in through a real provider (authorization code + PKCE)', () => {
  it('signs in, lands on the page it started from, and /me shows the roles the claims map to', async () => {
    const browser = new TestBrowser();
    const landing = await signIn(browser, 'ann');
    expect(browser.visited.at(-1)).toBe(`${app.url}/projects/demo`);
    expect(landing.status).toBe(404); // the test app serves no pages; the redirect target is what matters
    const auth = browser.visited.find((u) => u.startsWith(`${app.idp.issuer}/auth`)) ?? '';
    const params = new URL(auth).searchParams;
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toBeTruthy();
    // Tokens and claims live in the sealed cookie, which must stay under the browsers' 4 KiB limit.
    expect(browser.cookies.get('wharf_session')?.length ?? 0).toBeGreaterThan(0);
    expect(browser.cookies.get('wharf_session')?.length ?? 0).toBeLessThan(4000);

    const me = AuthMeSchema.parse(await (await browser.api(`${app.url}/api/v1/auth/me`)).json());
    expect(me).toMatchObject({ method: 'oidc', actor: 'email:ann@x.io', username: 'ann@x.io' });
    expect(me.roles).toEqual([
      {
        project: 'demo',
        name: 'kargo-admin',
        serviceAccount: 'system:serviceaccount:demo:kargo-admin',
        matchedClaims: { email: ['ann@x.io'] },
      },
    ]);
    expect(me.refreshAt).toBeTruthy();
  });

  it('refreshes with the refresh token, picking up claims the provider changed', async () => {
    const browser = new TestBrowser();
    await signIn(browser, 'ann');
    const before = browser.cookies.get('wharf_session');
    app.idp.accounts.set('ann', { email: 'ann@x.io', groups: ['viewers'] });
    const res = await browser.api(`${app.url}/api/v1/auth/refresh`, 'POST');
    expect(res.status).toBe(200);
    const me = AuthMeSchema.parse(await res.json());
    expect(me.roles.map((r) => r.name)).toEqual(['kargo-admin', 'kargo-viewer']);
    expect(browser.cookies.get('wharf_session')).not.toBe(before);
    app.idp.accounts.set('ann', { email: 'ann@x.io', groups: [] });
  });

  it('a short-lived ID token (20 s) is due for refresh halfway through, not before it was issued', async () => {
    app.idp.accounts.set('brief', { email: 'brief@x.io', groups: [], idTokenTtl: 20 });
    const browser = new TestBrowser();
    const signedInAt = Date.now();
    await signIn(browser, 'brief');
    const me = AuthMeSchema.parse(await (await browser.api(`${app.url}/api/v1/auth/me`)).json());
    const due = Date.parse(me.refreshAt ?? '') - signedInAt;
    expect(due).toBeGreaterThan(5_000);
    expect(due).toBeLessThan(15_000);
  });

  it('signing out ends every cookie of that sign-in, also the ones it had before a refresh', async () => {
    const browser = new TestBrowser();
    await signIn(browser, 'ann');
    const beforeRefresh = browser.cookies.get('wharf_session') ?? '';
    expect((await browser.api(`${app.url}/api/v1/auth/refresh`, 'POST')).status).toBe(200);
    expect(browser.cookies.get('wharf_session')).not.toBe(beforeRefresh);
    expect((await browser.api(`${app.url}/api/v1/auth/logout`, 'POST')).status).toBe(200);

    const copy = new TestBrowser();
    copy.cookies.set('wharf_session', beforeRefresh);
    const res = await copy.api(`${app.url}/api/v1/auth/me`);
    expect(res.status).toBe(401);
    expect((await copy.api(`${app.url}/api/v1/auth/refresh`, 'POST')).status).toBe(401);
  });

  it('signing out with a copy from before a refresh keeps the sign-in refused until its latest cookie expires', async () => {
    const browser = new TestBrowser();
    await signIn(browser, 'ann');
    const early = browser.cookies.get('wharf_session') ?? '';
    const earlyExp = (await app.identity.sealer.openSession(early))?.exp ?? 0;
    // A refresh in a later second seals a cookie that expires later.
    await expect
      .poll(() => Math.floor(Date.now() / 1000), { timeout: 3_000 })
      .toBeGreaterThan(Math.floor(Date.now() / 1000));
    expect((await browser.api(`${app.url}/api/v1/auth/refresh`, 'POST')).status).toBe(200);
    const latest = await app.identity.sealer.openSession(
      browser.cookies.get('wharf_session') ?? '',
    );
    expect(latest?.exp ?? 0).toBeGreaterThan(earlyExp);

    const copy = new TestBrowser();
    copy.cookies.set('wharf_session', early);
    expect((await copy.api(`${app.url}/api/v1/auth/logout`, 'POST')).status).toBe(200);
    const secret = await cluster.kc
      .makeApiClient(CoreV1Api)
      .readNamespacedSecret({ name: 'wharf-secret', namespace: 'wharf' });
    const revoked = JSON.parse(
      Buffer.from(secret.data?.['revoked-sessions.json'] ?? '', 'base64').toString(),
    ) as { sessions: Record<string, number> };
    expect(revoked.sessions[latest?.sid ?? '']).toBeGreaterThanOrEqual(latest?.exp ?? Infinity);
    expect((await browser.api(`${app.url}/api/v1/auth/me`)).status).toBe(401);
  });

  it('when the provider refuses to refresh (the person is gone), the refresh answers 401', async () => {
    app.idp.accounts.set('leaver', { email: 'leaver@x.io', groups: [] });
    const browser = new TestBrowser();
    await signIn(browser, 'leaver');
    app.idp.accounts.delete('leaver');
    const res = await browser.api(`${app.url}/api/v1/auth/refresh`, 'POST');
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /refused to refresh/,
    );
  });

  it('logs out: the cookie is cleared and the browser is sent to the provider end-session endpoint', async () => {
    const browser = new TestBrowser();
    await signIn(browser, 'ann');
    const res = await browser.api(`${app.url}/api/v1/auth/logout`, 'POST');
    const { redirectTo } = LogoutResultSchema.parse(await res.json());
    const end = new URL(redirectTo);
    expect(end.origin).toBe(app.idp.issuer);
    expect(end.searchParams.get('id_token_hint')).toBeTruthy();
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${app.url}/login`);
    expect(browser.cookies.has('wharf_session')).toBe(false);
    expect((await browser.api(`${app.url}/api/v1/auth/me`)).status).toBe(401);
    const idpPage = await browser.navigate(redirectTo);
    expect(idpPage.status).toBeLessThan(500);
  });

  it('refuses a callback that did not start here (no flow cookie) and a forged state', async () => {
    const stranger = new TestBrowser();
    const res = await stranger.fetch(`${app.url}/api/v1/auth/oidc/callback?code=abc&state=xyz`);
    expect(res.status).toBe(401);
    const browser = new TestBrowser();
    const start = await browser.fetch(`${app.url}/api/v1/auth/oidc/login`);
    expect(start.status).toBe(302);
    const forged = await browser.fetch(
      `${app.url}/api/v1/auth/oidc/callback?code=abc&state=forged`,
    );
    expect(forged.status).toBe(401);
    expect(browser.cookies.has('wharf_session')).toBe(false);
  });

  it('a callback the provider refuses says why in the provider’s words (invalid_grant), and signs no one in', async () => {
    const browser = new TestBrowser();
    const start = await browser.fetch(`${app.url}/api/v1/auth/oidc/login`);
    const state = new URL(start.headers.get('location') ?? '').searchParams.get('state') ?? '';
    const query = new URLSearchParams({ code: 'not-a-code-the-provider-issued', state });
    query.set('iss', app.idp.issuer);
    const res = await browser.fetch(`${app.url}/api/v1/auth/oidc/callback?${query.toString()}`);
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/sign-in failed: invalid_grant/);
    expect(browser.cookies.has('wharf_session')).toBe(false);
  });

  it('refuses a session whose ID token expired and was never refreshed', async () => {
    const browser = new TestBrowser();
    const stale = await app.identity.sealer.sealSession(
      {
        method: 'oidc',
        username: 'ann@x.io',
        actor: 'email:ann@x.io',
        groups: [],
        oidc: { claims: { email: 'ann@x.io' }, expiresAt: Math.floor(Date.now() / 1000) - 600 },
      },
      3600,
    );
    browser.cookies.set('wharf_session', stale);
    const res = await browser.api(`${app.url}/api/v1/auth/me`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /not refreshed/,
    );
  });

  it('never redirects off-site after sign-in', async () => {
    const browser = new TestBrowser();
    await signIn(browser, 'ann', '//evil.example/');
    expect(browser.visited.at(-1)).toBe(`${app.url}/`);
  });
});
