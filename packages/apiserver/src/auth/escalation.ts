// RBAC escalation prevention, as Kubernetes enforces it on writes: a Role/ClusterRole may only
// grant what its author holds (or the author has `escalate` on it), and a binding may only
// bind a role whose permissions its author holds (or the author has `bind` on that role).
import type { Caller, Ctx } from '../context.js';
import { errors } from '../errors/status.js';
import {
  effectiveClusterRoleRules,
  findEscalation,
  type ClusterRole,
  type PolicyRule,
} from '../rbac/index.js';
import type { ResourceDef } from '../registry/resource-def.js';
import { isObject, type KObj } from '../util/kobj.js';
import { allowed, rbacSource } from './authorizer.js';

const G = 'rbac.authorization.k8s.io';

function list(v: unknown): string[] | undefined {
  return Array.isArray(v) && v.length ? v.map(String) : undefined;
}

function describe(r: PolicyRule): string {
  const q = (xs: string[]) => `[${xs.map((x) => `"${x}"`).join(' ')}]`;
  const parts: string[] = [];
  if (r.apiGroups) parts.push(`APIGroups:${q(r.apiGroups)}`);
  if (r.resources) parts.push(`Resources:${q(r.resources)}`);
  if (r.resourceNames) parts.push(`ResourceNames:${q(r.resourceNames)}`);
  if (r.nonResourceURLs) parts.push(`NonResourceURLs:${q(r.nonResourceURLs)}`);
  parts.push(`Verbs:${q(r.verbs)}`);
  return `{${parts.join(', ')}}`;
}

function rulesOf(o: unknown): PolicyRule[] {
  const rules = isObject(o) && Array.isArray(o.rules) ? o.rules : [];
  return rules.filter(isObject).map((r) => ({
    verbs: list(r.verbs) ?? [],
    ...(list(r.apiGroups) ? { apiGroups: list(r.apiGroups) } : {}),
    ...(list(r.resources) ? { resources: list(r.resources) } : {}),
    ...(list(r.resourceNames) ? { resourceNames: list(r.resourceNames) } : {}),
    ...(list(r.nonResourceURLs) ? { nonResourceURLs: list(r.nonResourceURLs) } : {}),
  }));
}

function refuse(def: ResourceDef, obj: KObj, caller: Caller, missing: PolicyRule[]): never {
  const u = caller.user;
  const groups = `[${u.groups.map((g) => `"${g}"`).join(' ')}]`;
  throw errors.forbidden(
    def.group,
    def.resource,
    obj.metadata.name,
    `user "${u.username}" (groups=${groups}) is attempting to grant RBAC permissions not currently held:\n${missing.map(describe).join('\n')}`,
  );
}

export function checkEscalation(ctx: Ctx, caller: Caller, def: ResourceDef, obj: KObj): void {
  if (def.group !== G) return;
  const src = rbacSource(ctx);
  const ns = def.namespaced ? obj.metadata.namespace : undefined;
  const may = (verb: string, resource: string, name: string | undefined) =>
    allowed(ctx, caller.user, {
      kind: 'resource',
      verb,
      apiGroup: G,
      resource,
      ...(ns ? { namespace: ns } : {}),
      ...(name ? { name } : {}),
    });
  if (def.resource === 'roles' || def.resource === 'clusterroles') {
    const missing = findEscalation(src, caller.user, ns, rulesOf(obj));
    if (missing.length && !may('escalate', def.resource, obj.metadata.name))
      refuse(def, obj, caller, missing);
    return;
  }
  if (def.resource !== 'rolebindings' && def.resource !== 'clusterrolebindings') return;
  const ref = isObject(obj.roleRef) ? obj.roleRef : {};
  const kind = String(ref.kind ?? '');
  const name = String(ref.name ?? '');
  const roleResource = kind === 'ClusterRole' ? 'clusterroles' : 'roles';
  if (may('bind', roleResource, name)) return;
  const role = ctx.store.get(`${roleResource}.${G}`, kind === 'ClusterRole' ? undefined : ns, name);
  if (!role)
    throw errors.forbidden(
      def.group,
      def.resource,
      obj.metadata.name,
      `${roleResource}.${G} "${name}" not found`,
    );
  const rules =
    kind === 'ClusterRole'
      ? effectiveClusterRoleRules(
          role as unknown as ClusterRole,
          ctx.store.list(`clusterroles.${G}`) as unknown as ClusterRole[],
        )
      : rulesOf(role);
  const missing = findEscalation(src, caller.user, ns, rules);
  if (missing.length) refuse(def, obj, caller, missing);
}
