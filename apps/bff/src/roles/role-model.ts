import type { V1Role, V1RoleBinding, V1ServiceAccount } from '@kubernetes/client-node';
import type { KargoRole } from '@wharf/shared/api';
import {
  DESCRIPTION_ANNOTATION,
  MANAGED_ANNOTATION,
  claimsFromAnnotations,
  claimsToList,
} from './kargo-annotations.js';
import { normalizeRules } from './policy-rules.js';

/** What Kubernetes holds for one role name in a project namespace. */
export interface RoleObjects {
  serviceAccount: V1ServiceAccount;
  /** RoleBindings whose subjects include the ServiceAccount. */
  bindings: V1RoleBinding[];
  /** The Roles those bindings reference, by name. */
  roles: Map<string, V1Role>;
}

const isManaged = (o: { metadata?: { annotations?: Record<string, string> } } | undefined) =>
  o?.metadata?.annotations?.[MANAGED_ANNOTATION] === 'true';

/** Why Wharf will not edit this role, or undefined when it is a Kargo-managed role. */
export function readOnlyReason(name: string, o: RoleObjects): string | undefined {
  const clusterRole = o.bindings.find((b) => b.roleRef.kind === 'ClusterRole');
  if (clusterRole) {
    return `Bound to the ClusterRole "${clusterRole.roleRef.name}" by RoleBinding "${clusterRole.metadata?.name ?? ''}"; edit it with kubectl.`;
  }
  const binding = o.bindings.find((b) => b.metadata?.name === name);
  const role = o.roles.get(name);
  if (!binding || !role || binding.roleRef.kind !== 'Role' || binding.roleRef.name !== name) {
    return `Not a Kargo-managed role: it needs a Role and a RoleBinding named "${name}" binding it to the ServiceAccount.`;
  }
  const unannotated = [
    ['ServiceAccount', o.serviceAccount],
    ['Role', role],
    ['RoleBinding', binding],
  ]
    .filter(([, obj]) => !isManaged(obj as V1Role))
    .map(([kind]) => kind);
  if (unannotated.length > 0) {
    return `Not a Kargo-managed role: ${unannotated.join(', ')} lack${unannotated.length === 1 ? 's' : ''} the annotation ${MANAGED_ANNOTATION}: "true".`;
  }
  return undefined;
}

export function toKargoRole(project: string, o: RoleObjects): KargoRole {
  const name = o.serviceAccount.metadata?.name ?? '';
  const reason = readOnlyReason(name, o);
  const rules = o.bindings
    .filter((b) => b.roleRef.kind === 'Role')
    .flatMap((b) => o.roles.get(b.roleRef.name)?.rules ?? []);
  const description = o.serviceAccount.metadata?.annotations?.[DESCRIPTION_ANNOTATION];
  const created = o.serviceAccount.metadata?.creationTimestamp;
  return {
    project,
    name,
    ...(description ? { description } : {}),
    kargoManaged: reason === undefined,
    ...(reason ? { readOnlyReason: reason } : {}),
    claims: claimsToList(claimsFromAnnotations(o.serviceAccount.metadata?.annotations)),
    rules: normalizeRules(rules),
    ...(created ? { creationTimestamp: new Date(created).toISOString() } : {}),
  };
}

/** True when the binding's subjects include the ServiceAccount `name` of namespace `ns`. */
export function bindsServiceAccount(b: V1RoleBinding, ns: string, name: string): boolean {
  return (b.subjects ?? []).some(
    (s) => s.kind === 'ServiceAccount' && s.name === name && (s.namespace ?? ns) === ns,
  );
}
