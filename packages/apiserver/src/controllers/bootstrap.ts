// Objects every cluster starts with: system namespaces and the default RBAC policy
// (cluster-admin for system:masters, discovery and self-review rights for every authenticated
// user, aggregated admin/edit/view roles).
import { SYSTEM_CALLER, type Ctx } from '../context.js';
import { createObject } from '../objects/create.js';
import { gr } from '../registry/resource-def.js';
import type { KObj } from '../util/kobj.js';

const RBAC = 'rbac.authorization.k8s.io';
const LABELS = { 'kubernetes.io/bootstrapping': 'rbac-defaults' };
const ANNOTATIONS = { 'rbac.authorization.kubernetes.io/autoupdate': 'true' };
const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];

function clusterRole(
  name: string,
  body: Record<string, unknown>,
  labels: Record<string, string> = {},
): KObj {
  return {
    apiVersion: `${RBAC}/v1`,
    kind: 'ClusterRole',
    metadata: { name, labels: { ...LABELS, ...labels }, annotations: ANNOTATIONS },
    ...body,
  };
}

function binding(name: string, role: string, groups: string[]): KObj {
  return {
    apiVersion: `${RBAC}/v1`,
    kind: 'ClusterRoleBinding',
    metadata: { name, labels: LABELS, annotations: ANNOTATIONS },
    roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: role },
    subjects: groups.map((g) => ({ apiGroup: RBAC, kind: 'Group', name: g })),
  };
}

const aggregate = (to: string) => ({
  aggregationRule: {
    clusterRoleSelectors: [{ matchLabels: { [`${RBAC}/aggregate-to-${to}`]: 'true' } }],
  },
  rules: [],
});

function defaults(): KObj[] {
  const ns = (name: string): KObj => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  const core = ['configmaps', 'secrets', 'serviceaccounts', 'events'];
  return [
    ns('default'),
    ns('kube-system'),
    ns('kube-public'),
    ns('kube-node-lease'),
    clusterRole('cluster-admin', {
      rules: [
        { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
        { nonResourceURLs: ['*'], verbs: ['*'] },
      ],
    }),
    clusterRole('admin', aggregate('admin')),
    clusterRole('edit', aggregate('edit'), { [`${RBAC}/aggregate-to-admin`]: 'true' }),
    clusterRole('view', aggregate('view'), { [`${RBAC}/aggregate-to-edit`]: 'true' }),
    clusterRole(
      'system:aggregate-to-admin',
      {
        rules: [
          { apiGroups: [RBAC], resources: ['roles', 'rolebindings'], verbs: [...READ, ...WRITE] },
          {
            apiGroups: ['authorization.k8s.io'],
            resources: ['localsubjectaccessreviews'],
            verbs: ['create'],
          },
        ],
      },
      { [`${RBAC}/aggregate-to-admin`]: 'true' },
    ),
    clusterRole(
      'system:aggregate-to-edit',
      {
        rules: [
          { apiGroups: [''], resources: core, verbs: [...READ, ...WRITE] },
          { apiGroups: [''], resources: ['serviceaccounts/token'], verbs: ['create'] },
          { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: [...READ, ...WRITE] },
        ],
      },
      { [`${RBAC}/aggregate-to-edit`]: 'true' },
    ),
    clusterRole(
      'system:aggregate-to-view',
      {
        rules: [
          {
            apiGroups: [''],
            resources: ['configmaps', 'serviceaccounts', 'events', 'namespaces'],
            verbs: READ,
          },
          { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: READ },
        ],
      },
      { [`${RBAC}/aggregate-to-view`]: 'true' },
    ),
    clusterRole('system:basic-user', {
      rules: [
        {
          apiGroups: ['authorization.k8s.io'],
          resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'],
          verbs: ['create'],
        },
        {
          apiGroups: ['authentication.k8s.io'],
          resources: ['selfsubjectreviews'],
          verbs: ['create'],
        },
      ],
    }),
    clusterRole('system:discovery', {
      rules: [
        {
          nonResourceURLs: [
            '/api',
            '/api/*',
            '/apis',
            '/apis/*',
            '/healthz',
            '/livez',
            '/openapi',
            '/openapi/*',
            '/readyz',
            '/version',
            '/version/',
          ],
          verbs: ['get'],
        },
      ],
    }),
    clusterRole('system:public-info-viewer', {
      rules: [
        {
          nonResourceURLs: ['/healthz', '/livez', '/readyz', '/version', '/version/'],
          verbs: ['get'],
        },
      ],
    }),
    clusterRole('system:auth-delegator', {
      rules: [
        { apiGroups: ['authentication.k8s.io'], resources: ['tokenreviews'], verbs: ['create'] },
        {
          apiGroups: ['authorization.k8s.io'],
          resources: ['subjectaccessreviews'],
          verbs: ['create'],
        },
      ],
    }),
    binding('cluster-admin', 'cluster-admin', ['system:masters']),
    binding('system:basic-user', 'system:basic-user', ['system:authenticated']),
    binding('system:discovery', 'system:discovery', ['system:authenticated']),
    binding('system:public-info-viewer', 'system:public-info-viewer', [
      'system:authenticated',
      'system:unauthenticated',
    ]),
  ];
}

export async function bootstrap(ctx: Ctx): Promise<void> {
  for (const obj of defaults()) {
    const [group] = obj.apiVersion.includes('/') ? obj.apiVersion.split('/') : [''];
    const def = ctx.catalog.byKind(group ?? '', obj.kind);
    if (!def || ctx.store.get(gr(def), undefined, obj.metadata.name ?? '')) continue;
    await createObject(ctx, SYSTEM_CALLER, def, 'v1', undefined, obj);
  }
}
