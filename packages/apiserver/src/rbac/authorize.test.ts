import { describe, expect, it } from 'vitest';
import { authorize } from './authorize.js';
import { KARGO, serviceAccount, source, user } from './testing/fixtures.js';
import { world } from './testing/world.js';
import type { Attributes, UserInfo } from './types.js';

const res = (
  verb: string,
  apiGroup: string,
  resource: string,
  namespace?: string,
  extra: { subresource?: string; name?: string } = {},
): Attributes => ({
  kind: 'resource',
  verb,
  apiGroup,
  resource,
  ...(namespace ? { namespace } : {}),
  ...extra,
});
const path = (verb: string, p: string): Attributes => ({ kind: 'nonResource', verb, path: p });

const viewer = user('vera', 'kargo-viewers');
const alice = user('alice');
const bob = user('bob');
const carol = user('carol');
const dave = user('dave');
const erin = user('erin');
const ci = serviceAccount('kargo-demo', 'ci');
const ciInCi = serviceAccount('ci', 'runner');
const builder = serviceAccount('kargo-demo', 'builder');

type Case = [string, UserInfo, Attributes, boolean];

const cases: Case[] = [
  // verbs, groups, resources
  [
    'a viewer may get stages in any namespace',
    viewer,
    res('get', KARGO, 'stages', 'kargo-demo'),
    true,
  ],
  ['a viewer may list stages across all namespaces', viewer, res('list', KARGO, 'stages'), true],
  ['a viewer may watch freights', viewer, res('watch', KARGO, 'freights', 'x'), true],
  ['a viewer may not delete stages', viewer, res('delete', KARGO, 'stages', 'kargo-demo'), false],
  [
    'a viewer may not promote (custom verb) stages',
    viewer,
    res('promote', KARGO, 'stages', 'kargo-demo'),
    false,
  ],
  [
    'a viewer may not get stages of another API group',
    viewer,
    res('get', 'apps', 'stages', 'kargo-demo'),
    false,
  ],
  ['a viewer may not get core pods', viewer, res('get', '', 'pods', 'kargo-demo'), false],
  [
    'a viewer may not read freight status (a subresource is not its parent)',
    viewer,
    res('get', KARGO, 'freights', 'kargo-demo', { subresource: 'status' }),
    false,
  ],
  // custom verb through a RoleBinding to a ClusterRole
  [
    'alice may promote stages in the namespace of her RoleBinding',
    alice,
    res('promote', KARGO, 'stages', 'kargo-demo', { name: 'prod' }),
    true,
  ],
  [
    'alice may not promote stages in another namespace',
    alice,
    res('promote', KARGO, 'stages', 'other', { name: 'prod' }),
    false,
  ],
  ['alice may not promote stages cluster-wide', alice, res('promote', KARGO, 'stages'), false],
  [
    'alice may not get the stage she may promote',
    alice,
    res('get', KARGO, 'stages', 'kargo-demo'),
    false,
  ],
  [
    'alice may not promote warehouses',
    alice,
    res('promote', KARGO, 'warehouses', 'kargo-demo'),
    false,
  ],
  // verb * on one resource
  ['bob holding * on stages may promote', bob, res('promote', KARGO, 'stages', 'kargo-demo'), true],
  [
    'bob holding * on stages may deletecollection',
    bob,
    res('deletecollection', KARGO, 'stages', 'kargo-demo'),
    true,
  ],
  [
    'bob holding * on stages may not touch stages/status',
    bob,
    res('update', KARGO, 'stages', 'kargo-demo', { subresource: 'status' }),
    false,
  ],
  [
    'bob holding * on stages may not touch freights',
    bob,
    res('get', KARGO, 'freights', 'kargo-demo'),
    false,
  ],
  // subresources
  [
    'the ci ServiceAccount may patch freights/status',
    ci,
    res('patch', KARGO, 'freights', 'kargo-demo', { subresource: 'status', name: 'f1' }),
    true,
  ],
  [
    'the ci ServiceAccount may not patch freights itself',
    ci,
    res('patch', KARGO, 'freights', 'kargo-demo', { name: 'f1' }),
    false,
  ],
  [
    'the ci ServiceAccount may not patch freights/status elsewhere',
    ci,
    res('patch', KARGO, 'freights', 'other', { subresource: 'status' }),
    false,
  ],
  [
    '*/status grants the status subresource of any resource',
    dave,
    res('get', 'apps', 'deployments', 'x', { subresource: 'status' }),
    true,
  ],
  [
    '*/status grants no other subresource',
    dave,
    res('get', '', 'pods', 'x', { subresource: 'log' }),
    false,
  ],
  ['*/status does not grant the resource itself', dave, res('get', '', 'pods', 'x'), false],
  ['* grants every resource', user('root-user'), res('delete', 'apps', 'deployments', 'x'), true],
  [
    '* grants every subresource',
    user('root-user'),
    res('create', '', 'pods', 'x', { subresource: 'exec' }),
    true,
  ],
  // resourceNames
  [
    'carol may get the named secret',
    carol,
    res('get', '', 'secrets', 'kargo-demo', { name: 'git-creds' }),
    true,
  ],
  [
    'carol may update the named secret',
    carol,
    res('update', '', 'secrets', 'kargo-demo', { name: 'git-creds' }),
    true,
  ],
  [
    'carol may not get another secret',
    carol,
    res('get', '', 'secrets', 'kargo-demo', { name: 'other' }),
    false,
  ],
  [
    'carol may not get a secret without a name (resourceNames restrict)',
    carol,
    res('get', '', 'secrets', 'kargo-demo'),
    false,
  ],
  [
    'carol may not list secrets (a list has no name)',
    carol,
    res('list', '', 'secrets', 'kargo-demo'),
    false,
  ],
  [
    'carol may not create secrets (a create has no name)',
    carol,
    res('create', '', 'secrets', 'kargo-demo'),
    false,
  ],
  [
    'a watch narrowed to one name (metadata.name field selector) is allowed by resourceNames',
    user('hank'),
    res('watch', '', 'configmaps', 'kargo-demo', { name: 'settings' }),
    true,
  ],
  [
    'a list narrowed to one name is allowed by resourceNames',
    user('hank'),
    res('list', '', 'configmaps', 'kargo-demo', { name: 'settings' }),
    true,
  ],
  [
    'an unnarrowed watch is not allowed by resourceNames',
    user('hank'),
    res('watch', '', 'configmaps', 'kargo-demo'),
    false,
  ],
  [
    'deletecollection (no name) is not allowed by resourceNames',
    user('hank'),
    res('deletecollection', '', 'configmaps', 'kargo-demo'),
    false,
  ],
  // nonResourceURLs
  ['monitoring may get /metrics', user('mo', 'monitoring'), path('get', '/metrics'), true],
  [
    'monitoring may get /healthz/etcd through the trailing * prefix',
    user('mo', 'monitoring'),
    path('get', '/healthz/etcd'),
    true,
  ],
  [
    'a trailing * does not match the bare parent path',
    user('mo', 'monitoring'),
    path('get', '/healthz'),
    false,
  ],
  ['monitoring may not post /metrics', user('mo', 'monitoring'), path('post', '/metrics'), false],
  ['monitoring may not get /metricsx', user('mo', 'monitoring'), path('get', '/metricsx'), false],
  ['a resource rule grants no paths', viewer, path('get', '/apis'), false],
  [
    'a nonResourceURL rule grants no resources',
    user('mo', 'monitoring'),
    res('get', '', 'metrics'),
    false,
  ],
  [
    '* in nonResourceURLs grants every path',
    user('root-user'),
    path('delete', '/anything/at/all'),
    true,
  ],
  // cluster scope
  [
    'a ClusterRoleBinding grants namespaces listing at the cluster scope',
    user('gina'),
    res('list', '', 'namespaces'),
    true,
  ],
  // subjects
  [
    'a ServiceAccount subject without namespace takes the RoleBinding namespace',
    ci,
    res('update', KARGO, 'freights', 'kargo-demo', { subresource: 'status' }),
    true,
  ],
  [
    'a ServiceAccount subject without namespace in a ClusterRoleBinding matches nobody',
    builder,
    res('get', '', 'pods', 'x'),
    false,
  ],
  [
    'a ServiceAccount subject with a namespace applies in another namespace RoleBinding',
    ci,
    res('promote', KARGO, 'stages', 'other'),
    true,
  ],
  [
    'a Group subject system:serviceaccounts:<ns> matches every SA of that namespace',
    ciInCi,
    res('list', KARGO, 'stages', 'any'),
    true,
  ],
  [
    'the same group does not match SAs of other namespaces',
    ci,
    res('list', KARGO, 'stages', 'any'),
    false,
  ],
  [
    'a User subject does not match a same-named group',
    user('x', 'alice'),
    res('promote', KARGO, 'stages', 'kargo-demo'),
    false,
  ],
  [
    'a user named like a group gets nothing from the group binding',
    user('kargo-viewers'),
    res('get', KARGO, 'stages', 'x'),
    false,
  ],
  [
    'an unauthenticated-looking user with no bindings is denied',
    { username: 'system:anonymous', groups: ['system:unauthenticated'] },
    res('get', '', 'namespaces'),
    false,
  ],
  // aggregation
  [
    'an aggregated ClusterRole grants the rules of the roles it selects',
    erin,
    res('update', KARGO, 'stages', 'kargo-demo'),
    true,
  ],
  [
    'an aggregated ClusterRole grants rules of every selected role',
    erin,
    res('patch', KARGO, 'warehouses', 'kargo-demo'),
    true,
  ],
  [
    'an aggregated ClusterRole grants nothing beyond its selection',
    erin,
    res('delete', KARGO, 'stages', 'kargo-demo'),
    false,
  ],
  // superuser
  [
    'system:masters is allowed anything without any binding',
    user('admin', 'system:masters'),
    res('escalate', 'rbac.authorization.k8s.io', 'clusterroles'),
    true,
  ],
  [
    'system:masters is allowed any path',
    user('admin', 'system:masters'),
    path('get', '/debug/pprof'),
    true,
  ],
  // missing roles
  [
    'a binding to a missing Role grants nothing',
    user('frank'),
    res('get', KARGO, 'stages', 'kargo-demo'),
    false,
  ],
];

describe('authorize (Kubernetes RBAC semantics)', () => {
  it.each(cases)('%s', (_name, who, attrs, allowed) => {
    expect(authorize(world, who, attrs).allowed).toBe(allowed);
  });

  it('names the ClusterRoleBinding, ClusterRole and subject that allowed the request', () => {
    expect(authorize(world, viewer, res('get', KARGO, 'stages', 'kargo-demo')).reason).toBe(
      'RBAC: allowed by ClusterRoleBinding "viewers" of ClusterRole "kargo-viewer" to Group "kargo-viewers"',
    );
  });

  it('names a RoleBinding as name/namespace and a ServiceAccount as name/namespace', () => {
    const reason = authorize(
      world,
      ci,
      res('patch', KARGO, 'freights', 'kargo-demo', { subresource: 'status' }),
    ).reason;
    expect(reason).toBe(
      'RBAC: allowed by RoleBinding "ci-status/kargo-demo" of Role "freight-status" to ServiceAccount "ci/kargo-demo"',
    );
  });

  it('says the superuser group allowed a system:masters request', () => {
    expect(authorize(world, user('admin', 'system:masters'), path('get', '/x')).reason).toContain(
      'system:masters',
    );
  });

  it('leaves the reason empty when nothing matched and nothing was broken', () => {
    expect(authorize(world, viewer, res('delete', KARGO, 'stages', 'x'))).toEqual({
      allowed: false,
      reason: '',
    });
  });

  it('reports a binding to a missing role in the denial reason', () => {
    expect(authorize(world, user('frank'), res('get', KARGO, 'stages', 'kargo-demo')).reason).toBe(
      'RBAC: role.rbac.authorization.k8s.io "does-not-exist" not found',
    );
  });

  it('still allows through another binding when one binding points at a missing ClusterRole', () => {
    const src = source({
      clusterRoleBindings: [
        {
          metadata: { name: 'broken' },
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'gone' },
          subjects: [{ kind: 'User', name: 'zed' }],
        },
      ],
      roleBindings: [
        {
          metadata: { name: 'ok', namespace: 'n' },
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'r' },
          subjects: [{ kind: 'User', name: 'zed' }],
        },
      ],
      roles: [
        {
          metadata: { name: 'r', namespace: 'n' },
          rules: [{ verbs: ['get'], apiGroups: [''], resources: ['configmaps'] }],
        },
      ],
    });
    expect(authorize(src, user('zed'), res('get', '', 'configmaps', 'n')).allowed).toBe(true);
    expect(authorize(src, user('zed'), res('get', '', 'configmaps', 'm')).reason).toBe(
      'RBAC: clusterrole.rbac.authorization.k8s.io "gone" not found',
    );
  });

  it('ignores a roleRef outside the rbac.authorization.k8s.io group', () => {
    const src = source({
      clusterRoles: [
        {
          metadata: { name: 'all' },
          rules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
        },
      ],
      clusterRoleBindings: [
        {
          metadata: { name: 'b' },
          roleRef: { apiGroup: 'example.com', kind: 'ClusterRole', name: 'all' },
          subjects: [{ kind: 'User', name: 'zed' }],
        },
      ],
    });
    expect(authorize(src, user('zed'), res('get', '', 'pods', 'n')).allowed).toBe(false);
  });

  it('a RoleBinding to a ClusterRole with nonResourceURLs grants no paths', () => {
    const src = source({
      clusterRoles: [
        {
          metadata: { name: 'metrics' },
          rules: [{ verbs: ['get'], nonResourceURLs: ['/metrics'] }],
        },
      ],
      roleBindings: [
        {
          metadata: { name: 'm', namespace: 'n' },
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'metrics' },
          subjects: [{ kind: 'User', name: 'zed' }],
        },
      ],
    });
    expect(authorize(src, user('zed'), path('get', '/metrics')).allowed).toBe(false);
  });

  it('the group system:serviceaccounts reaches every ServiceAccount, a User subject with the SA username reaches one', () => {
    const src = source({
      clusterRoles: [
        {
          metadata: { name: 'read' },
          rules: [{ verbs: ['get'], apiGroups: [''], resources: ['configmaps'] }],
        },
      ],
      clusterRoleBindings: [
        {
          metadata: { name: 'all-sas' },
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'read' },
          subjects: [{ kind: 'Group', name: 'system:serviceaccounts' }],
        },
      ],
      roleBindings: [
        {
          metadata: { name: 'as-user', namespace: 'n' },
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'read' },
          subjects: [
            { kind: 'User', name: 'system:serviceaccount:x:bot' },
            { kind: 'Robot', name: 'bot' },
          ],
        },
      ],
    });
    expect(
      authorize(src, serviceAccount('any', 'thing'), res('get', '', 'configmaps', 'z')).allowed,
    ).toBe(true);
    expect(authorize(src, user('human'), res('get', '', 'configmaps', 'z')).allowed).toBe(false);
    const bot = { username: 'system:serviceaccount:x:bot', groups: [] };
    expect(authorize(src, bot, res('get', '', 'configmaps', 'n')).reason).toBe(
      'RBAC: allowed by RoleBinding "as-user/n" of ClusterRole "read" to User "system:serviceaccount:x:bot"',
    );
    expect(
      authorize(src, { username: 'bot', groups: [] }, res('get', '', 'configmaps', 'n')).allowed,
    ).toBe(false);
  });

  it('pods/* is not a wildcard: it matches no subresource of pods', () => {
    const src = source({
      clusterRoles: [
        {
          metadata: { name: 'p' },
          rules: [{ verbs: ['get'], apiGroups: [''], resources: ['pods/*'] }],
        },
      ],
      clusterRoleBindings: [
        {
          metadata: { name: 'p' },
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'p' },
          subjects: [{ kind: 'User', name: 'zed' }],
        },
      ],
    });
    expect(
      authorize(src, user('zed'), res('get', '', 'pods', 'n', { subresource: 'log' })).allowed,
    ).toBe(false);
    expect(authorize(src, user('zed'), res('get', '', 'pods', 'n')).allowed).toBe(false);
  });
});
