// Authentication, RBAC, escalation prevention and impersonation, through the HTTP API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, serviceAccountToken } from './helpers/http.js';
import { startTestServer, type TestServer } from './helpers/server.js';

const RBAC = '/apis/rbac.authorization.k8s.io/v1';
let t: TestServer;
let alice: string;
const ALICE = 'system:serviceaccount:team:alice';

beforeAll(async () => {
  t = await startTestServer();
  await api(t.server, 'POST', '/api/v1/namespaces', { body: { metadata: { name: 'team' } } });
  alice = await serviceAccountToken(t.server, 'team', 'alice');
  await api(t.server, 'POST', `${RBAC}/namespaces/team/roles`, {
    body: {
      metadata: { name: 'role-admin' },
      rules: [
        {
          apiGroups: ['rbac.authorization.k8s.io'],
          resources: ['roles', 'rolebindings'],
          verbs: ['create', 'get'],
        },
        { apiGroups: [''], resources: ['configmaps'], verbs: ['get'] },
      ],
    },
  });
  await api(t.server, 'POST', `${RBAC}/namespaces/team/rolebindings`, {
    body: {
      metadata: { name: 'alice-role-admin' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'role-admin' },
      subjects: [{ kind: 'ServiceAccount', name: 'alice', namespace: 'team' }],
    },
  });
});
afterAll(async () => {
  await t.stop();
});

describe('authentication', () => {
  it('answers 401 Unauthorized for an unknown bearer token', async () => {
    const r = await api(t.server, 'GET', '/api/v1/namespaces', { token: 'nope' });
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ kind: 'Status', reason: 'Unauthorized', code: 401 });
  });

  it('a TokenReview of a ServiceAccount token names the ServiceAccount and its groups', async () => {
    const r = await api(t.server, 'POST', '/apis/authentication.k8s.io/v1/tokenreviews', {
      body: { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenReview', spec: { token: alice } },
    });
    expect(r.body.status).toMatchObject({
      authenticated: true,
      user: {
        username: ALICE,
        groups: ['system:serviceaccounts', 'system:serviceaccounts:team', 'system:authenticated'],
      },
    });
  });

  it('a legacy service-account-token Secret gets a working token filled in', async () => {
    await api(t.server, 'POST', '/api/v1/namespaces/team/secrets', {
      body: {
        metadata: {
          name: 'alice-legacy',
          annotations: { 'kubernetes.io/service-account.name': 'alice' },
        },
        type: 'kubernetes.io/service-account-token',
      },
    });
    let data: Record<string, string> = {};
    for (let i = 0; i < 50 && !data.token; i++) {
      data = ((await api(t.server, 'GET', '/api/v1/namespaces/team/secrets/alice-legacy')).body
        .data ?? {}) as Record<string, string>;
      if (!data.token) await new Promise((r) => setTimeout(r, 20));
    }
    expect(Buffer.from(data.namespace ?? '', 'base64').toString()).toBe('team');
    expect(Buffer.from(data['ca.crt'] ?? '', 'base64').toString()).toBe(t.server.caPem);
    const who = await api(t.server, 'POST', '/apis/authentication.k8s.io/v1/selfsubjectreviews', {
      token: Buffer.from(data.token ?? '', 'base64').toString(),
      body: {},
    });
    expect((who.body.status as { userInfo: { username: string } }).userInfo.username).toBe(ALICE);
  });
});

describe('authorization', () => {
  it("refuses with 403 and Kubernetes' forbidden message", async () => {
    const r = await api(t.server, 'GET', '/api/v1/namespaces/team/secrets', { token: alice });
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({
      reason: 'Forbidden',
      message: `secrets is forbidden: User "${ALICE}" cannot list resource "secrets" in API group "" in the namespace "team"`,
      details: { kind: 'secrets' },
    });
  });

  it('allows a list narrowed to one name by a field selector when RBAC names it (resourceNames), and no other list', async () => {
    await api(t.server, 'POST', `${RBAC}/namespaces/team/roles`, {
      body: {
        metadata: { name: 'one-configmap' },
        rules: [
          { apiGroups: [''], resources: ['configmaps'], resourceNames: ['only'], verbs: ['list'] },
        ],
      },
    });
    await api(t.server, 'POST', `${RBAC}/namespaces/team/rolebindings`, {
      body: {
        metadata: { name: 'alice-one-configmap' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'one-configmap' },
        subjects: [{ kind: 'ServiceAccount', name: 'alice', namespace: 'team' }],
      },
    });
    const list = (selector?: string) =>
      api(
        t.server,
        'GET',
        `/api/v1/namespaces/team/configmaps${selector ? `?fieldSelector=${encodeURIComponent(selector)}` : ''}`,
        { token: alice },
      );
    expect((await list('metadata.name=only')).status).toBe(200);
    expect((await list('metadata.name==only')).status).toBe(200);
    expect((await list('metadata.name=other')).status).toBe(403);
    expect((await list()).status).toBe(403);
  });

  it('a user cannot create a Role granting what they do not hold, unless they may escalate', async () => {
    const role = {
      metadata: { name: 'secret-reader' },
      rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }],
    };
    const r = await api(t.server, 'POST', `${RBAC}/namespaces/team/roles`, {
      token: alice,
      body: role,
    });
    expect(r.status).toBe(403);
    expect(String(r.body.message)).toContain(
      `roles.rbac.authorization.k8s.io "secret-reader" is forbidden: user "${ALICE}"`,
    );
    expect(String(r.body.message)).toContain(
      'is attempting to grant RBAC permissions not currently held:\n{APIGroups:[""], Resources:["secrets"], Verbs:["get"]}',
    );
    expect((await api(t.server, 'GET', `${RBAC}/namespaces/team/roles/secret-reader`)).status).toBe(
      404,
    );
    const sub = {
      metadata: { name: 'cm-reader' },
      rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }],
    };
    expect(
      (await api(t.server, 'POST', `${RBAC}/namespaces/team/roles`, { token: alice, body: sub }))
        .status,
    ).toBe(201);
    await api(t.server, 'POST', `${RBAC}/namespaces/team/roles`, {
      body: {
        metadata: { name: 'escalator' },
        rules: [
          { apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles'], verbs: ['escalate'] },
        ],
      },
    });
    await api(t.server, 'POST', `${RBAC}/namespaces/team/rolebindings`, {
      body: {
        metadata: { name: 'alice-escalates' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'escalator' },
        subjects: [{ kind: 'ServiceAccount', name: 'alice', namespace: 'team' }],
      },
    });
    expect(
      (await api(t.server, 'POST', `${RBAC}/namespaces/team/roles`, { token: alice, body: role }))
        .status,
    ).toBe(201);
  });

  it('a user cannot bind a role whose permissions they lack, unless they may bind it', async () => {
    const binding = {
      metadata: { name: 'alice-edit' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'edit' },
      subjects: [{ kind: 'ServiceAccount', name: 'alice', namespace: 'team' }],
    };
    const r = await api(t.server, 'POST', `${RBAC}/namespaces/team/rolebindings`, {
      token: alice,
      body: binding,
    });
    expect(r.status).toBe(403);
    expect(String(r.body.message)).toContain(
      'is attempting to grant RBAC permissions not currently held',
    );
    await api(t.server, 'POST', `${RBAC}/namespaces/team/roles`, {
      body: {
        metadata: { name: 'binder' },
        rules: [
          {
            apiGroups: ['rbac.authorization.k8s.io'],
            resources: ['clusterroles'],
            verbs: ['bind'],
            resourceNames: ['edit'],
          },
        ],
      },
    });
    await api(t.server, 'POST', `${RBAC}/namespaces/team/rolebindings`, {
      body: {
        metadata: { name: 'alice-binds' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'binder' },
        subjects: [{ kind: 'ServiceAccount', name: 'alice', namespace: 'team' }],
      },
    });
    expect(
      (
        await api(t.server, 'POST', `${RBAC}/namespaces/team/rolebindings`, {
          token: alice,
          body: binding,
        })
      ).status,
    ).toBe(201);
    // edit now applies to alice in "team": she may read configmaps there.
    expect(
      (await api(t.server, 'GET', '/api/v1/namespaces/team/configmaps', { token: alice })).status,
    ).toBe(200);
  });

  it('custom verbs and subresources are authorized by SubjectAccessReview as RBAC says', async () => {
    await api(t.server, 'POST', `${RBAC}/clusterroles`, {
      body: {
        metadata: { name: 'promoter' },
        rules: [
          { apiGroups: ['kargo.akuity.io'], resources: ['stages'], verbs: ['promote'] },
          { apiGroups: ['kargo.akuity.io'], resources: ['freights/status'], verbs: ['patch'] },
        ],
      },
    });
    await api(t.server, 'POST', `${RBAC}/namespaces/team/rolebindings`, {
      body: {
        metadata: { name: 'carol-promotes' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'promoter' },
        subjects: [{ kind: 'User', name: 'carol' }],
      },
    });
    const sar = async (resourceAttributes: Record<string, string>) =>
      (
        (
          await api(t.server, 'POST', '/apis/authorization.k8s.io/v1/subjectaccessreviews', {
            body: {
              apiVersion: 'authorization.k8s.io/v1',
              kind: 'SubjectAccessReview',
              spec: { user: 'carol', groups: ['system:authenticated'], resourceAttributes },
            },
          })
        ).body.status as { allowed: boolean }
      ).allowed;
    expect(
      await sar({
        namespace: 'team',
        verb: 'promote',
        group: 'kargo.akuity.io',
        resource: 'stages',
        name: 'prod',
      }),
    ).toBe(true);
    expect(
      await sar({
        namespace: 'other',
        verb: 'promote',
        group: 'kargo.akuity.io',
        resource: 'stages',
      }),
    ).toBe(false);
    expect(
      await sar({
        namespace: 'team',
        verb: 'patch',
        group: 'kargo.akuity.io',
        resource: 'freights',
        subresource: 'status',
      }),
    ).toBe(true);
    expect(
      await sar({
        namespace: 'team',
        verb: 'patch',
        group: 'kargo.akuity.io',
        resource: 'freights',
      }),
    ).toBe(false);
  });

  it('ClusterRole aggregation copies the rules of labelled ClusterRoles into view', async () => {
    await api(t.server, 'POST', `${RBAC}/clusterroles`, {
      body: {
        metadata: {
          name: 'stage-viewer',
          labels: { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' },
        },
        rules: [{ apiGroups: ['kargo.akuity.io'], resources: ['stages'], verbs: ['get'] }],
      },
    });
    let rules: unknown[] = [];
    for (let i = 0; i < 50; i++) {
      rules = ((await api(t.server, 'GET', `${RBAC}/clusterroles/view`)).body.rules ??
        []) as unknown[];
      if (JSON.stringify(rules).includes('kargo.akuity.io')) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(rules).toContainEqual({
      apiGroups: ['kargo.akuity.io'],
      resources: ['stages'],
      verbs: ['get'],
    });
  });
});

describe('impersonation', () => {
  it('needs the impersonate verb, and says so as Kubernetes does', async () => {
    const r = await api(t.server, 'GET', '/api/v1/namespaces/team/configmaps', {
      token: alice,
      headers: { 'Impersonate-User': 'bob' },
    });
    expect(r.status).toBe(403);
    expect(r.body.message).toBe(
      `users "bob" is forbidden: User "${ALICE}" cannot impersonate resource "users" in API group "" at the cluster scope`,
    );
  });

  it('the admin may act as another user with groups and extras; the request runs as that user', async () => {
    const who = await api(t.server, 'POST', '/apis/authentication.k8s.io/v1/selfsubjectreviews', {
      body: {},
      headers: {
        'Impersonate-User': 'bob',
        'Impersonate-Group': ['devs', 'ops'],
        'Impersonate-Extra-Scopes': 'read',
      },
    });
    expect((who.body.status as { userInfo: unknown }).userInfo).toEqual({
      username: 'bob',
      groups: ['devs', 'ops', 'system:authenticated'],
      extra: { scopes: ['read'] },
    });
    const denied = await api(t.server, 'GET', '/api/v1/namespaces/team/configmaps', {
      headers: { 'Impersonate-User': 'bob' },
    });
    expect(denied.status).toBe(403);
    expect(denied.body.message).toBe(
      'configmaps is forbidden: User "bob" cannot list resource "configmaps" in API group "" in the namespace "team"',
    );
  });

  it('impersonating a group requires impersonate on groups too', async () => {
    await api(t.server, 'POST', `${RBAC}/clusterroles`, {
      body: {
        metadata: { name: 'impersonate-bob' },
        rules: [
          { apiGroups: [''], resources: ['users'], verbs: ['impersonate'], resourceNames: ['bob'] },
        ],
      },
    });
    await api(t.server, 'POST', `${RBAC}/clusterrolebindings`, {
      body: {
        metadata: { name: 'alice-impersonates-bob' },
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'ClusterRole',
          name: 'impersonate-bob',
        },
        subjects: [{ kind: 'ServiceAccount', name: 'alice', namespace: 'team' }],
      },
    });
    const asBob = await api(t.server, 'POST', '/apis/authentication.k8s.io/v1/selfsubjectreviews', {
      token: alice,
      body: {},
      headers: { 'Impersonate-User': 'bob' },
    });
    expect((asBob.body.status as { userInfo: { username: string } }).userInfo.username).toBe('bob');
    const withGroup = await api(t.server, 'GET', '/api/v1/namespaces', {
      token: alice,
      headers: { 'Impersonate-User': 'bob', 'Impersonate-Group': 'system:masters' },
    });
    expect(withGroup.status).toBe(403);
    expect(withGroup.body.message).toBe(
      `groups "system:masters" is forbidden: User "${ALICE}" cannot impersonate resource "groups" in API group "" at the cluster scope`,
    );
  });
});

describe('dry run', () => {
  it('dryRun=All validates and answers like a real write but stores nothing', async () => {
    const r = await api(t.server, 'POST', '/api/v1/namespaces/team/configmaps?dryRun=All', {
      body: { metadata: { name: 'dry' }, data: { a: 'b' } },
    });
    expect(r.status).toBe(201);
    expect((r.body.metadata as { name: string }).name).toBe('dry');
    expect((await api(t.server, 'GET', '/api/v1/namespaces/team/configmaps/dry')).status).toBe(404);
    const bad = await api(t.server, 'POST', '/api/v1/namespaces/team/configmaps?dryRun=All', {
      body: { metadata: { name: 'Bad_Name' } },
    });
    expect(bad.status).toBe(422);
  });
});
