import { ruleAllows } from './rule-match.js';
import { errorReason, visitRules } from './resolve.js';
import type { Attributes, RbacSource, UserInfo } from './types.js';
import { SUPERUSER_GROUP } from './types.js';

export interface Decision {
  allowed: boolean;
  reason: string;
}

/**
 * Kubernetes' decision for one request: members of system:masters are allowed
 * before RBAC is consulted (as kube-apiserver's privileged-group authorizer does);
 * otherwise the first RBAC rule that matches allows. A denial's reason is empty
 * unless bindings could not be resolved, as with Kubernetes' RBAC authorizer.
 */
export function authorize(src: RbacSource, user: UserInfo, attrs: Attributes): Decision {
  if (user.groups.includes(SUPERUSER_GROUP)) {
    return {
      allowed: true,
      reason: `allowed by group ${JSON.stringify(SUPERUSER_GROUP)} (superuser)`,
    };
  }
  let allowedBy = '';
  const result = visitRules(src, user, namespaceOf(attrs), (source, rule) => {
    if (!ruleAllows(rule, attrs)) return false;
    allowedBy = source;
    return true;
  });
  if (result.stopped) return { allowed: true, reason: `RBAC: allowed by ${allowedBy}` };
  return { allowed: false, reason: errorReason(result.errors) };
}

function namespaceOf(attrs: Attributes): string | undefined {
  return attrs.kind === 'resource' ? attrs.namespace || undefined : undefined;
}
