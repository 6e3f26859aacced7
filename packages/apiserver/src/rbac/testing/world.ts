// One small cluster's RBAC objects shared by the authorizer table tests.
import {
  KARGO,
  clusterRole,
  clusterRoleBinding,
  groupSubject,
  role,
  roleBinding,
  saSubject,
  source,
  userSubject,
} from './fixtures.js';

const VIEW = ['get', 'list', 'watch'];
const KARGO_KINDS = ['stages', 'freights', 'warehouses', 'promotions'];

export const world = source({
  clusterRoles: [
    clusterRole('kargo-viewer', [{ verbs: VIEW, apiGroups: [KARGO], resources: KARGO_KINDS }]),
    clusterRole('kargo-promoter', [
      { verbs: ['promote'], apiGroups: [KARGO], resources: ['stages'] },
    ]),
    clusterRole('status-reader', [{ verbs: ['get'], apiGroups: ['*'], resources: ['*/status'] }]),
    clusterRole('metrics', [{ verbs: ['get'], nonResourceURLs: ['/metrics', '/healthz/*'] }]),
    clusterRole('everything', [
      { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
      { verbs: ['*'], nonResourceURLs: ['*'] },
    ]),
    clusterRole('namespace-lister', [
      { verbs: ['list'], apiGroups: [''], resources: ['namespaces'] },
    ]),
    {
      ...clusterRole('aggregate-edit', []),
      aggregationRule: { clusterRoleSelectors: [{ matchLabels: { 'wharf.dev/edit': 'true' } }] },
    },
    clusterRole(
      'edit-stages',
      [{ verbs: ['create', 'update'], apiGroups: [KARGO], resources: ['stages'] }],
      {
        'wharf.dev/edit': 'true',
      },
    ),
    clusterRole(
      'edit-warehouses',
      [{ verbs: ['patch'], apiGroups: [KARGO], resources: ['warehouses'] }],
      {
        'wharf.dev/edit': 'true',
      },
    ),
  ],
  clusterRoleBindings: [
    clusterRoleBinding('viewers', 'kargo-viewer', [groupSubject('kargo-viewers')]),
    clusterRoleBinding('status', 'status-reader', [userSubject('dave')]),
    clusterRoleBinding('metrics', 'metrics', [groupSubject('monitoring')]),
    clusterRoleBinding('root', 'everything', [userSubject('root-user')]),
    clusterRoleBinding('ns-lister', 'namespace-lister', [userSubject('gina')]),
    clusterRoleBinding('sa-without-namespace', 'everything', [saSubject(undefined, 'builder')]),
    clusterRoleBinding('ci-sas-view', 'kargo-viewer', [groupSubject('system:serviceaccounts:ci')]),
  ],
  roles: [
    role('kargo-demo', 'one-configmap', [
      {
        verbs: ['get', 'list', 'watch', 'deletecollection'],
        apiGroups: [''],
        resources: ['configmaps'],
        resourceNames: ['settings'],
      },
    ]),
    role('kargo-demo', 'stage-admin', [
      { verbs: ['*'], apiGroups: [KARGO], resources: ['stages'] },
    ]),
    role('kargo-demo', 'freight-status', [
      { verbs: ['update', 'patch'], apiGroups: [KARGO], resources: ['freights/status'] },
    ]),
    role('kargo-demo', 'one-secret', [
      {
        verbs: ['get', 'update'],
        apiGroups: [''],
        resources: ['secrets'],
        resourceNames: ['git-creds'],
      },
    ]),
  ],
  roleBindings: [
    roleBinding('kargo-demo', 'promoters', 'ClusterRole', 'kargo-promoter', [userSubject('alice')]),
    roleBinding('kargo-demo', 'stage-admins', 'Role', 'stage-admin', [userSubject('bob')]),
    roleBinding('kargo-demo', 'ci-status', 'Role', 'freight-status', [saSubject(undefined, 'ci')]),
    roleBinding('kargo-demo', 'secret-reader', 'Role', 'one-secret', [userSubject('carol')]),
    roleBinding('kargo-demo', 'settings-watcher', 'Role', 'one-configmap', [userSubject('hank')]),
    roleBinding('kargo-demo', 'editors', 'ClusterRole', 'aggregate-edit', [userSubject('erin')]),
    roleBinding('kargo-demo', 'dangling', 'Role', 'does-not-exist', [userSubject('frank')]),
    roleBinding('other', 'ci-from-demo', 'ClusterRole', 'kargo-promoter', [
      saSubject('kargo-demo', 'ci'),
    ]),
  ],
});
