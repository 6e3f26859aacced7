import { compactRules } from './compact.js';
import { uncoveredParts } from './covers.js';
import { visitRules } from './resolve.js';
import type { PolicyRule, RbacSource, UserInfo } from './types.js';
import { SUPERUSER_GROUP } from './types.js';

/**
 * The parts of `rules` that `user` does not hold in `namespace` (undefined = at the
 * cluster scope, where only ClusterRoleBindings count). [] means no escalation.
 * Missing parts are broken down to one group/resource/name each, with the verbs of
 * plain group/resource pairs merged, in the order Kubernetes lists them when it
 * refuses a Role that would escalate.
 */
export function findEscalation(
  src: RbacSource,
  user: UserInfo,
  namespace: string | undefined,
  rules: PolicyRule[],
): PolicyRule[] {
  if (user.groups.includes(SUPERUSER_GROUP)) return [];
  const held: PolicyRule[] = [];
  visitRules(src, user, namespace, (_source, rule) => {
    held.push(rule);
    return false;
  });
  return compactRules(rules.flatMap((rule) => uncoveredParts(held, rule)));
}
