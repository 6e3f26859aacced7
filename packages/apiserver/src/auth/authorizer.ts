// RBAC over the live store, via the rbac module.
import type { Ctx } from '../context.js';
import { errors } from '../errors/status.js';
import {
  authorize,
  forbiddenReason,
  type Attributes,
  type ClusterRole,
  type ClusterRoleBinding,
  type RbacSource,
  type Role,
  type RoleBinding,
  type UserInfo,
} from '../rbac/index.js';

const G = 'rbac.authorization.k8s.io';

export function rbacSource(ctx: Ctx): RbacSource {
  // Stored objects are plain Kubernetes JSON; the rbac module reads them as such.
  return {
    roles: (ns) => ctx.store.list(`roles.${G}`, ns) as unknown as Role[],
    roleBindings: (ns) => ctx.store.list(`rolebindings.${G}`, ns) as unknown as RoleBinding[],
    clusterRoles: () => ctx.store.list(`clusterroles.${G}`) as unknown as ClusterRole[],
    clusterRoleBindings: () =>
      ctx.store.list(`clusterrolebindings.${G}`) as unknown as ClusterRoleBinding[],
  };
}

export function allowed(ctx: Ctx, user: UserInfo, attrs: Attributes): boolean {
  return authorize(rbacSource(ctx), user, attrs).allowed;
}

/** Throws Kubernetes' 403 Forbidden unless `user` may do `attrs`. */
export function requireAllowed(ctx: Ctx, user: UserInfo, attrs: Attributes): void {
  if (allowed(ctx, user, attrs)) return;
  const why = forbiddenReason(user, attrs);
  if (attrs.kind === 'nonResource') throw errors.forbiddenPath(why);
  throw errors.forbidden(attrs.apiGroup, attrs.resource, attrs.name, why);
}
