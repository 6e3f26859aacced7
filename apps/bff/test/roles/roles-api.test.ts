import { readFile } from 'node:fs/promises';
import { CoreV1Api, RbacAuthorizationV1Api } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreatedApiTokenSchema,
  KargoRoleSchema,
  RoleListSchema,
  type KargoRole,
} from '@wharf/shared/api';
import { normalizeRules } from '../../src/roles/policy-rules.js';
import type { TestBrowser } from '../identity/support/browser.js';
import { type TestCluster, startTestCluster } from '../identity/support/cluster.js';
import { adminBrowser } from '../identity/support/sign-in.js';
import { type TestApp, startTestApp } from '../identity/support/test-app.js';

const FIXTURE = new URL('./fixtures/kargo-roles.yaml', import.meta.url);

let cluster: TestCluster;
let app: TestApp;
let admin: TestBrowser;
const core = () => cluster.kc.makeApiClient(CoreV1Api);
const rbac = () => cluster.kc.makeApiClient(RbacAuthorizationV1Api);
const roles = (path = '') => `${app.url}/api/v1/projects/demo/roles${path}`;

beforeAll(async () => {
  cluster = await startTestCluster();
  await cluster.createProjectNamespace('demo');
  await cluster.apply(await readFile(FIXTURE, 'utf8'));
  app = await startTestApp(cluster);
  admin = await adminBrowser(app);
});
afterAll(async () => {
  await app?.close();
  await cluster?.close();
});

async function role(name: string): Promise<KargoRole> {
  return KargoRoleSchema.parse(await (await admin.api(roles(`/${name}`))).json());
}

describe('a role created through the API', () => {
  it('is three Kubernetes objects of one name with Kargo exact annotations', async () => {
    const res = await admin.api(roles(), 'POST', {
      name: 'release-team',
      description: 'Promotes to prod',
      claims: [{ name: 'groups', values: ['release'] }],
      rules: [
        { resourceType: 'Stage', resourceName: 'prod', verbs: ['promote', 'get'] },
        { resourceType: 'promotions', verbs: ['create'] },
      ],
    });
    expect(res.status).toBe(201);
    const sa = await core().readNamespacedServiceAccount({
      name: 'release-team',
      namespace: 'demo',
    });
    expect(sa.metadata?.annotations).toEqual({
      'rbac.kargo.akuity.io/managed': 'true',
      'rbac.kargo.akuity.io/claims': '{"groups":["release"]}',
      'kargo.akuity.io/description': 'Promotes to prod',
    });
    const r = await rbac().readNamespacedRole({ name: 'release-team', namespace: 'demo' });
    expect(r.metadata?.annotations).toEqual({ 'rbac.kargo.akuity.io/managed': 'true' });
    expect(r.rules).toEqual([
      { apiGroups: ['kargo.akuity.io'], resources: ['promotions'], verbs: ['create'] },
      {
        apiGroups: ['kargo.akuity.io'],
        resources: ['stages'],
        resourceNames: ['prod'],
        verbs: ['get', 'promote'],
      },
    ]);
    const b = await rbac().readNamespacedRoleBinding({ name: 'release-team', namespace: 'demo' });
    expect(b.metadata?.annotations).toEqual({ 'rbac.kargo.akuity.io/managed': 'true' });
    expect(b.roleRef).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'Role',
      name: 'release-team',
    });
    expect(b.subjects).toEqual([
      { kind: 'ServiceAccount', name: 'release-team', namespace: 'demo' },
    ]);
    expect(await role('release-team')).toMatchObject({
      kargoManaged: true,
      description: 'Promotes to prod',
    });
  });

  it('cannot be created twice (409), and a bad name is a 400 that changes nothing', async () => {
    expect((await admin.api(roles(), 'POST', { name: 'release-team' })).status).toBe(409);
    const bad = await admin.api(roles(), 'POST', { name: 'Bad Name' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/name/);
  });

  it('refuses an unknown resource type with the list of known ones', async () => {
    const res = await admin.api(roles('/release-team/permissions'), 'POST', {
      permissions: { resourceType: 'gadgets', verbs: ['get'] },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/stages/);
  });

  it('is deleted with its three objects', async () => {
    await admin.api(roles(), 'POST', { name: 'short-lived' });
    expect((await admin.api(roles('/short-lived'), 'DELETE')).status).toBe(204);
    const gone = await Promise.all([
      core()
        .readNamespacedServiceAccount({ name: 'short-lived', namespace: 'demo' })
        .then(
          () => false,
          () => true,
        ),
      rbac()
        .readNamespacedRole({ name: 'short-lived', namespace: 'demo' })
        .then(
          () => false,
          () => true,
        ),
      rbac()
        .readNamespacedRoleBinding({ name: 'short-lived', namespace: 'demo' })
        .then(
          () => false,
          () => true,
        ),
    ]);
    expect(gone).toEqual([true, true, true]);
  });
});

describe('roles written as Kargo writes them', () => {
  it('are listed with their claims (JSON and legacy united), description and rules', async () => {
    const list = RoleListSchema.parse(await (await admin.api(roles())).json());
    const byName = new Map(list.items.map((r) => [r.name, r]));
    expect(byName.get('kargo-admin')).toMatchObject({
      kargoManaged: true,
      description: 'Administrators of the demo project',
      claims: [
        { name: 'department', values: ['platform'] },
        { name: 'email', values: ['ann@x.io', 'two@x.io'] },
      ],
    });
    expect(byName.get('kargo-promoter')?.claims).toEqual([
      { name: 'email', values: ['pat@x.io'] },
      { name: 'groups', values: ['promoters', 'release-managers'] },
    ]);
    expect(byName.get('ops-by-hand')).toMatchObject({ kargoManaged: false });
    expect(byName.get('ops-by-hand')?.readOnlyReason).toMatch(/ClusterRole "view"/);
  });

  it('keep every claim and every other annotation when a claim is granted or a claim is replaced', async () => {
    const granted = await admin.api(roles('/kargo-promoter/claims'), 'POST', {
      claims: [{ name: 'groups', values: ['night-shift'] }],
    });
    expect(granted.status).toBe(200);
    const sa = await core().readNamespacedServiceAccount({
      name: 'kargo-promoter',
      namespace: 'demo',
    });
    expect(sa.metadata?.annotations).toEqual({
      'rbac.kargo.akuity.io/managed': 'true',
      'rbac.kargo.akuity.io/claims':
        '{"email":["pat@x.io"],"groups":["promoters","release-managers","night-shift"]}',
    });
    const updated = await admin.api(roles('/kargo-admin'), 'PUT', {
      claims: [{ name: 'email', values: ['ann@x.io'] }],
    });
    expect(updated.status).toBe(200);
    const admins = await role('kargo-admin');
    expect(admins.claims).toEqual([
      { name: 'department', values: ['platform'] },
      { name: 'email', values: ['ann@x.io'] },
    ]);
    expect(admins.description).toBe('Administrators of the demo project');
  });

  it('keep every permission when one is granted, normalized one rule per resource with sorted verbs', async () => {
    const before =
      (await rbac().readNamespacedRole({ name: 'kargo-admin', namespace: 'demo' })).rules ?? [];
    const res = await admin.api(roles('/kargo-admin/permissions'), 'POST', {
      permissions: { resourceType: 'analysisrun', verbs: ['watch', 'get'] },
    });
    expect(res.status).toBe(200);
    const after =
      (await rbac().readNamespacedRole({ name: 'kargo-admin', namespace: 'demo' })).rules ?? [];
    expect(after).toEqual(
      normalizeRules([
        ...before,
        { apiGroups: ['argoproj.io'], resources: ['analysisruns'], verbs: ['get', 'watch'] },
      ]),
    );
    for (const rule of after) {
      expect(rule.apiGroups).toHaveLength(1);
      expect(rule.resources).toHaveLength(1);
      expect([...rule.verbs].sort()).toEqual(rule.verbs);
    }
  });

  it('refuse edits to a role Kargo does not manage, with the reason, changing nothing', async () => {
    const res = await admin.api(roles('/ops-by-hand/claims'), 'POST', {
      claims: [{ name: 'groups', values: ['x'] }],
    });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /read-only.*ClusterRole/,
    );
    const sa = await core().readNamespacedServiceAccount({
      name: 'ops-by-hand',
      namespace: 'demo',
    });
    expect(sa.metadata?.annotations?.['rbac.kargo.akuity.io/claims']).toBe('{"groups":["ops"]}');
  });
});

describe('permissions', () => {
  it('`*` on stages stands for every verb including promote: revoking promote leaves the rest', async () => {
    await admin.api(roles(), 'POST', {
      name: 'stage-ops',
      rules: [{ resourceType: 'stages', verbs: ['*'] }],
    });
    const revoked = await admin.api(roles('/stage-ops/permissions'), 'DELETE', {
      permissions: { resourceType: 'stages', verbs: ['promote'] },
    });
    expect(revoked.status).toBe(200);
    const r = KargoRoleSchema.parse(await revoked.json());
    expect(r.rules).toEqual([
      {
        apiGroups: ['kargo.akuity.io'],
        resources: ['stages'],
        verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      },
    ]);
    const emptied = await admin.api(roles('/stage-ops/permissions'), 'DELETE', {
      permissions: { resourceType: 'stages', verbs: ['*'] },
    });
    expect(KargoRoleSchema.parse(await emptied.json()).rules).toEqual([]);
  });
});

describe('API tokens', () => {
  it('are shown once on create, listed with their creation time and never their value, and deleted', async () => {
    const res = await admin.api(roles('/kargo-viewer/tokens'), 'POST', { name: 'ci-token' });
    expect(res.status).toBe(201);
    const created = CreatedApiTokenSchema.parse(await res.json());
    expect(created.token.length).toBeGreaterThan(20);
    const secret = await core().readNamespacedSecret({ name: 'ci-token', namespace: 'demo' });
    expect(secret.type).toBe('kubernetes.io/service-account-token');
    expect(secret.metadata?.labels?.['rbac.kargo.akuity.io/api-token']).toBe('true');
    expect(secret.metadata?.annotations?.['kubernetes.io/service-account.name']).toBe(
      'kargo-viewer',
    );
    expect(secret.metadata?.ownerReferences?.[0]).toMatchObject({
      kind: 'ServiceAccount',
      name: 'kargo-viewer',
    });

    const listed = (await (await admin.api(roles('/kargo-viewer/tokens'))).json()) as {
      items: unknown[];
    };
    expect(listed.items).toEqual([
      { name: 'ci-token', role: 'kargo-viewer', createdAt: expect.any(String) },
    ]);
    expect(JSON.stringify(listed)).not.toContain(created.token);

    // The token works as a Kubernetes bearer token for the role.
    const login = await admin.fetch(`${app.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wharf-csrf': '1' },
      body: JSON.stringify({ token: created.token }),
    });
    expect(login.status).toBe(200);
    admin = await adminBrowser(app);

    expect((await admin.api(roles('/kargo-viewer/tokens/ci-token'), 'DELETE')).status).toBe(204);
    const after = (await (await admin.api(roles('/kargo-viewer/tokens'))).json()) as {
      items: unknown[];
    };
    expect(after.items).toEqual([]);
  });
});
