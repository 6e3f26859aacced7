import { effectiveClusterRoleRules } from './aggregation.js';
import { describeSubject, subjectMatches } from './subjects.js';
import type {
  ClusterRole,
  PolicyRule,
  RbacSource,
  RoleBinding,
  RoleRef,
  UserInfo,
} from './types.js';
import { RBAC_GROUP } from './types.js';

/** Called per granted rule with a Kubernetes-style description of where it came from; return true to stop. */
export type RuleVisitor = (source: string, rule: PolicyRule) => boolean;

export interface VisitResult {
  stopped: boolean;
  /** Problems met on the way (missing roles, bad roleRefs); such bindings grant nothing. */
  errors: string[];
}

/**
 * Walks every rule `user` holds: ClusterRoleBindings first, then, when a namespace
 * is given, the RoleBindings of that namespace (a ClusterRole bound by a
 * RoleBinding grants its rules in that namespace only).
 */
export function visitRules(
  src: RbacSource,
  user: UserInfo,
  namespace: string | undefined,
  visit: RuleVisitor,
): VisitResult {
  const errors: string[] = [];
  const bindings: Array<{ binding: RoleBinding; ns: string; kind: string }> = [
    ...src
      .clusterRoleBindings()
      .map((binding) => ({ binding, ns: '', kind: 'ClusterRoleBinding' })),
  ];
  if (namespace) {
    for (const binding of src.roleBindings(namespace)) {
      bindings.push({ binding, ns: namespace, kind: 'RoleBinding' });
    }
  }
  // Read the ClusterRoles once per decision, not once per binding.
  let clusterRoles: ClusterRole[] | undefined;
  const allClusterRoles = () => (clusterRoles ??= src.clusterRoles());
  for (const { binding, ns, kind } of bindings) {
    const subject = (binding.subjects ?? []).find((s) => subjectMatches(s, user, ns));
    if (!subject) continue;
    const rules = roleRefRules(src, allClusterRoles, binding.roleRef, ns, errors);
    const name = ns ? `${binding.metadata.name}/${ns}` : binding.metadata.name;
    const source = `${kind} ${JSON.stringify(name)} of ${binding.roleRef.kind} ${JSON.stringify(binding.roleRef.name)} to ${describeSubject(subject, ns)}`;
    for (const rule of rules) {
      if (visit(source, rule)) return { stopped: true, errors };
    }
  }
  return { stopped: false, errors };
}

function roleRefRules(
  src: RbacSource,
  allClusterRoles: () => ClusterRole[],
  ref: RoleRef,
  namespace: string,
  errors: string[],
): PolicyRule[] {
  if (ref.apiGroup !== RBAC_GROUP) {
    errors.push(`unsupported roleRef apiGroup ${JSON.stringify(ref.apiGroup)}`);
    return [];
  }
  if (ref.kind === 'ClusterRole') {
    const all = allClusterRoles();
    const role = all.find((r) => r.metadata.name === ref.name);
    if (!role) {
      errors.push(`clusterrole.${RBAC_GROUP} ${JSON.stringify(ref.name)} not found`);
      return [];
    }
    return effectiveClusterRoleRules(role, all);
  }
  if (ref.kind === 'Role' && namespace) {
    const role = src.roles(namespace).find((r) => r.metadata.name === ref.name);
    if (!role) {
      errors.push(`role.${RBAC_GROUP} ${JSON.stringify(ref.name)} not found`);
      return [];
    }
    return role.rules ?? [];
  }
  errors.push(`unsupported role reference kind: ${JSON.stringify(ref.kind)}`);
  return [];
}

/** Resolution problems as Kubernetes reports them in a decision reason. */
export function errorReason(errors: string[]): string {
  if (errors.length === 0) return '';
  if (errors.length === 1) return `RBAC: ${errors[0]}`;
  return `RBAC: [${errors.join(', ')}]`;
}
