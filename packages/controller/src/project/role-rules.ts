import type { V1PolicyRule } from '@kubernetes/client-node';
import { KARGO_GROUP } from '@wharf/shared';

const READ = ['get', 'list', 'watch'];
const ALL_KARGO = [
  'freights',
  'projectconfigs',
  'promotions',
  'promotiontasks',
  'stages',
  'warehouses',
];
const kargo = (resources: string[], verbs: string[]): V1PolicyRule => ({
  apiGroups: [KARGO_GROUP],
  resources,
  verbs,
});
const core = (resources: string[], verbs: string[]): V1PolicyRule => ({
  apiGroups: [''],
  resources,
  verbs,
});
const rbac = (resources: string[], verbs: string[]): V1PolicyRule => ({
  apiGroups: ['rbac.authorization.k8s.io'],
  resources,
  verbs,
});

/** Rules of the default project roles (kargo-reference.md section 3). */
export const PROJECT_ROLE_RULES: Record<
  'kargo-admin' | 'kargo-viewer' | 'kargo-promoter',
  V1PolicyRule[]
> = {
  'kargo-admin': [
    kargo(ALL_KARGO, ['*']),
    kargo(['stages'], ['promote']),
    kargo(['promotions'], ['create', 'delete']),
    kargo(['freights/status'], ['patch']),
    core(['events'], READ),
    core(['configmaps', 'secrets', 'serviceaccounts'], ['*']),
    rbac(['roles', 'rolebindings'], ['*']),
  ],
  'kargo-viewer': [
    kargo(ALL_KARGO, READ),
    core(['events', 'serviceaccounts'], READ),
    rbac(['roles', 'rolebindings'], READ),
  ],
  'kargo-promoter': [
    kargo(ALL_KARGO, READ),
    core(['events', 'serviceaccounts'], READ),
    rbac(['roles', 'rolebindings'], READ),
    kargo(['stages'], ['promote']),
    kargo(['promotions'], ['create']),
    kargo(['freights/status'], ['patch']),
  ],
};

/** Cluster roles Kargo installs. */
export const CLUSTER_ROLE_RULES: Record<string, V1PolicyRule[]> = {
  'kargo-admin': [
    kargo(['*'], ['*']),
    core(['namespaces', 'events'], READ),
    core(['configmaps', 'secrets', 'serviceaccounts'], ['*']),
    rbac(['roles', 'rolebindings', 'clusterroles', 'clusterrolebindings'], READ),
  ],
  'kargo-viewer': [
    kargo(['*'], READ),
    core(['namespaces', 'events', 'serviceaccounts'], READ),
    rbac(['roles', 'rolebindings'], READ),
  ],
  'kargo-user': [core(['namespaces'], READ), kargo(['projects'], READ)],
  'kargo-project-creator': [kargo(['projects'], ['create'])],
};
