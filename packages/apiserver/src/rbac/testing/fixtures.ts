// Builders for plain RBAC objects, as a test would apply them with kubectl.
import type {
  ClusterRole,
  ClusterRoleBinding,
  PolicyRule,
  RbacSource,
  Role,
  RoleBinding,
  Subject,
  UserInfo,
} from '../types.js';
import { RBAC_GROUP } from '../types.js';

export interface Objects {
  roles?: Role[];
  roleBindings?: RoleBinding[];
  clusterRoles?: ClusterRole[];
  clusterRoleBindings?: ClusterRoleBinding[];
}

export function source(objs: Objects): RbacSource {
  return {
    roles: (ns) => (objs.roles ?? []).filter((r) => r.metadata.namespace === ns),
    roleBindings: (ns) => (objs.roleBindings ?? []).filter((b) => b.metadata.namespace === ns),
    clusterRoles: () => objs.clusterRoles ?? [],
    clusterRoleBindings: () => objs.clusterRoleBindings ?? [],
  };
}

export const role = (namespace: string, name: string, rules: PolicyRule[]): Role => ({
  apiVersion: `${RBAC_GROUP}/v1`,
  kind: 'Role',
  metadata: { name, namespace },
  rules,
});

export const clusterRole = (
  name: string,
  rules: PolicyRule[],
  labels?: Record<string, string>,
): ClusterRole => ({
  apiVersion: `${RBAC_GROUP}/v1`,
  kind: 'ClusterRole',
  metadata: { name, ...(labels ? { labels } : {}) },
  rules,
});

export const roleBinding = (
  namespace: string,
  name: string,
  roleKind: 'Role' | 'ClusterRole',
  roleName: string,
  subjects: Subject[],
): RoleBinding => ({
  apiVersion: `${RBAC_GROUP}/v1`,
  kind: 'RoleBinding',
  metadata: { name, namespace },
  roleRef: { apiGroup: RBAC_GROUP, kind: roleKind, name: roleName },
  subjects,
});

export const clusterRoleBinding = (
  name: string,
  roleName: string,
  subjects: Subject[],
): ClusterRoleBinding => ({
  apiVersion: `${RBAC_GROUP}/v1`,
  kind: 'ClusterRoleBinding',
  metadata: { name },
  roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: roleName },
  subjects,
});

export const userSubject = (name: string): Subject => ({
  kind: 'User',
  apiGroup: RBAC_GROUP,
  name,
});
export const groupSubject = (name: string): Subject => ({
  kind: 'Group',
  apiGroup: RBAC_GROUP,
  name,
});
export const saSubject = (namespace: string | undefined, name: string): Subject => ({
  kind: 'ServiceAccount',
  name,
  ...(namespace ? { namespace } : {}),
});

export const user = (username: string, ...groups: string[]): UserInfo => ({
  username,
  groups: [...groups, 'system:authenticated'],
});

/** A ServiceAccount's identity carries these groups when it authenticates with its token. */
export const serviceAccount = (namespace: string, name: string): UserInfo => ({
  username: `system:serviceaccount:${namespace}:${name}`,
  groups: ['system:serviceaccounts', `system:serviceaccounts:${namespace}`, 'system:authenticated'],
});

export const KARGO = 'kargo.akuity.io';
