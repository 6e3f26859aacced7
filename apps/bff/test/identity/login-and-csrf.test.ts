import { readFile } from 'node:fs/promises';
import { CoreV1Api, RbacAuthorizationV1Api } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthMeSchema } from '@wharf/shared/api';
import { TestBrowser } from './support/browser.js';
import { type TestCluster, startTestCluster } from './support/cluster.js';
import { ADMIN_PASSWORD, type TestApp, startTestApp } from './support/test-app.js';

const FIXTURE = new URL('../roles/fixtures/kargo-roles.yaml', import.meta.url);

let cluster: TestCluster;
let app: TestApp;
let viewerToken = '';

beforeAll(async () => {
  cluster = await startTestCluster();
  await cluster.createProjectNamespace('demo');
  await cluster.apply(await readFile(FIXTURE, 'utf8'));
  // A CLI user: a ServiceAccount bound to the viewer Role, with a token as `kubectl create token` makes.
  const core = cluster.kc.makeApiClient(CoreV1Api);
  await core.createNamespacedServiceAccount({
    namespace: 'demo',
    body: { metadata: { name: 'cli-user' } },
  });
  await cluster.kc.makeApiClient(RbacAuthorizationV1Api).createNamespacedRoleBinding({
    namespace: 'demo',
    body: {
      metadata: { name: 'cli-user-viewer' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'kargo-viewer' },
      subjects: [{ kind: 'ServiceAccount', name: 'cli-user', namespace: 'demo' }],
    },
  });
  const tr = await core.createNamespacedServiceAccountToken({
    name: 'cli-user',
    namespace: 'demo',
    body: { spec: { audiences: [] } },
  });
  viewerToken = tr.status?.token ?? '';
  app = await startTestApp(cluster, { loginRateLimit: 40 });
});
afterAll(async () => {
  await app?.close();
  await cluster?.close();
});

const url = (path: string) => `${app.url}${path}`;
const roleExists = async (name: string) =>
  cluster.kc
    .makeApiClient(CoreV1Api)
    .readNamespacedServiceAccount({ name, namespace: 'demo' })
    .then(
      () => true,
      () => false,
    );

describe('admin password login', () => {
  it('sets an httpOnly, SameSite=Lax session cookie and /me says admin', async () => {
    const browser = new TestBrowser();
    const res = await browser.api(url('/api/v1/auth/login'), 'POST', { password: ADMIN_PASSWORD });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('wharf_session=')) ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // plain http on loopback; Secure when WHARF_PUBLIC_URL is https
    const me = AuthMeSchema.parse(await (await browser.api(url('/api/v1/auth/me'))).json());
    expect(me).toMatchObject({ actor: 'admin', method: 'admin', roles: [] });
  });

  it('refuses a wrong password with 401 and sets no cookie', async () => {
    const browser = new TestBrowser();
    const res = await browser.api(url('/api/v1/auth/login'), 'POST', { password: 'nope' });
    expect(res.status).toBe(401);
    expect(browser.cookies.size).toBe(0);
  });

  it('answers 400 with what to send for a malformed body', async () => {
    const res = await new TestBrowser().api(url('/api/v1/auth/login'), 'POST', { user: 'x' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /password.*token/,
    );
  });

  it('reports which sign-in methods exist and the CSRF header to send', async () => {
    const res = await fetch(url('/api/v1/auth/config'));
    expect(await res.json()).toEqual({
      password: true,
      token: true,
      oidc: { loginUrl: 'api/v1/auth/oidc/login' },
      csrfHeader: 'x-wharf-csrf',
    });
  });
});

describe('Kubernetes bearer token login', () => {
  it('accepts a token Kubernetes accepts (TokenReview) and then acts as that token', async () => {
    const browser = new TestBrowser();
    const res = await browser.api(url('/api/v1/auth/login'), 'POST', { token: viewerToken });
    expect(res.status).toBe(200);
    const me = AuthMeSchema.parse(await res.json());
    expect(me).toMatchObject({
      method: 'kubernetes-token',
      actor: 'kubernetes:system:serviceaccount:demo:cli-user',
    });
    expect((await browser.api(url('/api/v1/projects/demo/roles'))).status).toBe(200);
    const create = await browser.api(url('/api/v1/projects/demo/roles'), 'POST', {
      name: 'by-cli',
    });
    expect(create.status).toBe(403);
    expect(await roleExists('by-cli')).toBe(false);
  });

  it('refuses a token Kubernetes does not accept', async () => {
    const res = await new TestBrowser().api(url('/api/v1/auth/login'), 'POST', {
      token: 'not-a-token',
    });
    expect(res.status).toBe(401);
  });
});

describe('refused: cross-site requests, forged headers, bad cookies', () => {
  const adminBrowser = async () => {
    const b = new TestBrowser();
    await b.api(url('/api/v1/auth/login'), 'POST', { password: ADMIN_PASSWORD });
    return b;
  };

  it('refuses a state-changing call without the CSRF header, changing nothing', async () => {
    const b = await adminBrowser();
    const res = await b.fetch(url('/api/v1/projects/demo/roles'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'csrf-victim' }),
    });
    expect(res.status).toBe(403);
    expect(await roleExists('csrf-victim')).toBe(false);
  });

  it('refuses a cross-site POST even with the header (Origin and Sec-Fetch-Site)', async () => {
    const b = await adminBrowser();
    const crossSite: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of crossSite) {
      const res = await b.fetch(url('/api/v1/projects/demo/roles'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wharf-csrf': '1', ...headers },
        body: JSON.stringify({ name: 'csrf-victim' }),
      });
      expect(res.status).toBe(403);
    }
    expect(await roleExists('csrf-victim')).toBe(false);
  });

  it('refuses a cross-site login form post (login CSRF)', async () => {
    const res = await fetch(url('/api/v1/auth/login'), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://evil.example',
      },
      body: `password=${ADMIN_PASSWORD}`,
    });
    expect(res.status).toBe(403);
  });

  it('ignores forged Authorization and Impersonate-* headers: a viewer stays a viewer', async () => {
    const b = new TestBrowser();
    await b.api(url('/api/v1/auth/login'), 'POST', { token: viewerToken });
    const res = await b.fetch(url('/api/v1/projects/demo/roles'), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-wharf-csrf': '1',
        authorization: `Bearer ${cluster.adminToken}`,
        'impersonate-user': 'system:admin',
        'impersonate-group': 'system:masters',
      },
      body: JSON.stringify({ name: 'forged' }),
    });
    expect(res.status).toBe(403);
    expect(await roleExists('forged')).toBe(false);
  });

  it('does not take a bearer token in place of a session', async () => {
    const res = await fetch(url('/api/v1/projects/demo/roles'), {
      headers: { authorization: `Bearer ${cluster.adminToken}` },
    });
    expect(res.status).toBe(401);
  });

  it('refuses a tampered cookie and an expired cookie with 401', async () => {
    const b = await adminBrowser();
    const value = b.cookies.get('wharf_session') ?? '';
    const parts = value.split('.');
    const ct = parts[3] ?? '';
    parts[3] = (ct.startsWith('A') ? 'B' : 'A') + ct.slice(1);
    b.cookies.set('wharf_session', parts.join('.'));
    expect((await b.api(url('/api/v1/auth/me'))).status).toBe(401);
    expect((await b.api(url('/api/v1/projects/demo/roles'))).status).toBe(401);

    const expired = await app.identity.sealer.seal(
      { method: 'admin', username: 'admin', actor: 'admin', groups: [] },
      -5,
    );
    b.cookies.set('wharf_session', expired);
    expect((await b.api(url('/api/v1/auth/me'))).status).toBe(401);
  });
});

describe('behind https', () => {
  it('marks the session cookie Secure when WHARF_PUBLIC_URL is https', async () => {
    const https = await startTestApp(cluster, {
      env: { WHARF_PUBLIC_URL: 'https://wharf.example.com' },
    });
    try {
      const res = await new TestBrowser().api(`${https.url}/api/v1/auth/login`, 'POST', {
        password: ADMIN_PASSWORD,
      });
      expect(res.status).toBe(200);
      expect(res.headers.getSetCookie().find((c) => c.startsWith('wharf_session='))).toMatch(
        /;\s*Secure/i,
      );
    } finally {
      await https.close();
    }
  });
});

describe('login rate limit (behind one trusted proxy hop, by the address it forwards)', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await startTestApp(cluster, { loginRateLimit: 3, trustProxy: 1 });
    limited.idp.accounts.set('ann', { email: 'ann@x.io', groups: [] });
  });
  afterAll(async () => {
    await limited?.close();
  });
  /** A browser whose requests the proxy forwards as coming from `address`. */
  const from = (address: string) => new TestBrowser({ 'x-forwarded-for': address });
  const signIn = (browser: TestBrowser, password: string) =>
    browser.api(`${limited.url}/api/v1/auth/login`, 'POST', { password });

  it('answers 429 once a client exceeds its failed sign-in attempts per minute; another client is not affected', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await signIn(from('203.0.113.1'), 'guess')).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect((await signIn(from('203.0.113.2'), 'guess')).status).toBe(401);
  });

  it('counts the address the proxy saw, not one the client wrote into X-Forwarded-For itself', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      // The proxy appends what it saw to whatever the client sent; only that last entry counts.
      const forged = from(`198.51.100.${i + 1}, 203.0.113.3`);
      statuses.push((await signIn(forged, 'guess')).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('counts only failed attempts: people signing in successfully from one address do not use up its budget', async () => {
    for (let i = 0; i < 5; i++)
      expect((await signIn(from('203.0.113.4'), ADMIN_PASSWORD)).status).toBe(200);
    expect((await signIn(from('203.0.113.4'), 'guess')).status).toBe(401);
  });

  it('limits refreshes per sign-in, not per address: a guesser on the same address does not stop an SSO user refreshing', async () => {
    limited.idp.loginAs('ann');
    const user = from('203.0.113.5');
    await user.navigate(`${limited.url}/api/v1/auth/oidc/login`);
    expect(user.cookies.has('wharf_session')).toBe(true);
    const guesses: number[] = [];
    for (let i = 0; i < 4; i++) guesses.push((await signIn(from('203.0.113.5'), 'guess')).status);
    expect(guesses).toEqual([401, 401, 401, 429]);
    expect((await user.api(`${limited.url}/api/v1/auth/refresh`, 'POST')).status).toBe(200);
  });
});
