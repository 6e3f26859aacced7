import { readFile } from 'node:fs/promises';
import { CoreV1Api, RbacAuthorizationV1Api } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestBrowser } from '../identity/support/browser.js';
import { type TestCluster, startTestCluster } from '../identity/support/cluster.js';
import { adminBrowser, oidcBrowser } from '../identity/support/sign-in.js';
import { type TestApp, startTestApp } from '../identity/support/test-app.js';

const FIXTURE = new URL('./fixtures/kargo-roles.yaml', import.meta.url);

let cluster: TestCluster;
let app: TestApp;
const users = new Map<string, TestBrowser>();

// Who is who (see fixtures/kargo-roles.yaml): each maps to roles only through OIDC claims.
const PERSONAS = {
  admin: async () => adminBrowser(app),
  'kargo-admin': async () => oidcBrowser(app, 'ann@x.io'),
  'kargo-promoter': async () => oidcBrowser(app, 'pat@x.io'),
  'kargo-viewer': async () => oidcBrowser(app, 'vic@x.io'),
  'no role': async () => oidcBrowser(app, 'nobody@x.io', ['strangers']),
  'two roles (staging-promoter + viewer)': async () => oidcBrowser(app, 'uma@x.io', ['viewers']),
} as const;
type Persona = keyof typeof PERSONAS;

beforeAll(async () => {
  cluster = await startTestCluster();
  await cluster.createProjectNamespace('demo');
  await cluster.apply(await readFile(FIXTURE, 'utf8'));
  app = await startTestApp(cluster);
  for (const [name, signIn] of Object.entries(PERSONAS)) users.set(name, await signIn());
});
afterAll(async () => {
  await app?.close();
  await cluster?.close();
});

const as = (p: Persona) => users.get(p) as TestBrowser;
const roles = (path = '') => `${app.url}/api/v1/projects/demo/roles${path}`;
const exists = (name: string) =>
  Promise.all([
    cluster.kc
      .makeApiClient(CoreV1Api)
      .readNamespacedServiceAccount({ name, namespace: 'demo' })
      .then(
        () => true,
        () => false,
      ),
    cluster.kc
      .makeApiClient(RbacAuthorizationV1Api)
      .readNamespacedRole({ name, namespace: 'demo' })
      .then(
        () => true,
        () => false,
      ),
  ]).then(([sa, role]) => sa || role);
const slug = (p: string) => p.replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '');

describe('who may read and change roles, exactly as Kubernetes RBAC says', () => {
  const table: [Persona, { list: number; create: number; grantPromoteProd: number }][] = [
    ['admin', { list: 200, create: 201, grantPromoteProd: 201 }],
    ['kargo-admin', { list: 200, create: 201, grantPromoteProd: 201 }],
    ['kargo-promoter', { list: 200, create: 403, grantPromoteProd: 403 }],
    ['kargo-viewer', { list: 200, create: 403, grantPromoteProd: 403 }],
    ['no role', { list: 403, create: 403, grantPromoteProd: 403 }],
    ['two roles (staging-promoter + viewer)', { list: 200, create: 201, grantPromoteProd: 403 }],
  ];

  it.each(table)('%s: list roles', async (persona, expected) => {
    expect((await as(persona).api(roles())).status).toBe(expected.list);
  });

  it.each(table)(
    '%s: create an empty role (refusals leave no object behind)',
    async (persona, expected) => {
      const name = `empty-${slug(persona)}`;
      const res = await as(persona).api(roles(), 'POST', { name });
      expect(res.status).toBe(expected.create);
      expect(await exists(name)).toBe(expected.create === 201);
    },
  );

  it.each(table)('%s: create a role that may promote to prod', async (persona, expected) => {
    const name = `prod-${slug(persona)}`;
    const res = await as(persona).api(roles(), 'POST', {
      name,
      rules: [{ resourceType: 'stages', resourceName: 'prod', verbs: ['promote'] }],
    });
    expect(res.status).toBe(expected.grantPromoteProd);
    expect(await exists(name)).toBe(expected.grantPromoteProd === 201);
  });
});

describe('refusals say what was missing and which roles the user has', () => {
  it('a user with no role is told their claims map to no role', async () => {
    const res = await as('no role').api(roles());
    const body = (await res.json()) as {
      error: {
        name: string;
        message: string;
        details: {
          roles: string[];
          missing: { verb: string; resource: string; namespace: string };
        };
      };
    };
    expect(body.error.name).toBe('ForbiddenError');
    expect(body.error.message).toMatch(/list serviceaccounts.*demo.*map to no Kargo role/);
    expect(body.error.details.roles).toEqual([]);
    expect(body.error.details.missing).toMatchObject({
      verb: 'list',
      resource: 'serviceaccounts',
      namespace: 'demo',
    });
  });

  it('the escalation guard names the permission the requester lacks and lists their roles', async () => {
    const res = await as('two roles (staging-promoter + viewer)').api(roles(), 'POST', {
      name: 'escalate-prod',
      rules: [{ resourceType: 'stages', resourceName: 'prod', verbs: ['promote'] }],
    });
    expect(res.status).toBe(403);
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(
      /cannot grant permissions you do not hold.*promote stages.kargo.akuity.io "prod"/,
    );
  });

  it('a viewer is told which of their roles were asked', async () => {
    const res = await as('kargo-viewer').api(roles(), 'POST', { name: 'viewer-try' });
    const body = (await res.json()) as { error: { message: string; details: { roles: string[] } } };
    expect(body.error.message).toMatch(/create serviceaccounts.*demo\/kargo-viewer/);
    expect(body.error.details.roles).toEqual(['demo/kargo-viewer']);
  });
});

describe('two roles: union for checks, but each write goes out as one ServiceAccount', () => {
  it('granting what only the other role holds passes the guard, and Kubernetes refuses the write; nothing is left behind', async () => {
    // `get stages` is held through kargo-viewer; `create roles` only through staging-promoter, which
    // the BFF impersonates for the Role write, and Kubernetes' own escalation check refuses it.
    const res = await as('two roles (staging-promoter + viewer)').api(roles(), 'POST', {
      name: 'union-escalation',
      rules: [{ resourceType: 'stages', verbs: ['get'] }],
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /Kubernetes refused/,
    );
    expect(await exists('union-escalation')).toBe(false);
  });

  it('granting what the writing ServiceAccount holds itself works', async () => {
    const res = await as('two roles (staging-promoter + viewer)').api(roles(), 'POST', {
      name: 'staging-helpers',
      rules: [{ resourceType: 'stages', resourceName: 'staging', verbs: ['promote'] }],
    });
    expect(res.status).toBe(201);
  });
});
