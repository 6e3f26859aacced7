import { errorReason, visitRules } from './resolve.js';
import type { NonResourceRule, PolicyRule, RbacSource, ResourceRule, UserInfo } from './types.js';
import { SUPERUSER_GROUP } from './types.js';

export interface RulesReview {
  resourceRules: ResourceRule[];
  nonResourceRules: NonResourceRule[];
  /** True when some binding could not be resolved, so the list may miss rules. */
  incomplete: boolean;
  /** Why the list is incomplete, as SelfSubjectRulesReview's status.evaluationError. */
  evaluationError?: string;
}

/** What SelfSubjectRulesReview reports for `user` in `namespace`. */
export function rulesFor(src: RbacSource, user: UserInfo, namespace: string): RulesReview {
  const resourceRules: ResourceRule[] = [];
  const nonResourceRules: NonResourceRule[] = [];
  if (user.groups.includes(SUPERUSER_GROUP)) {
    resourceRules.push({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] });
    nonResourceRules.push({ verbs: ['*'], nonResourceURLs: ['*'] });
  }
  const { errors } = visitRules(src, user, namespace || undefined, (_source, rule) => {
    if (rule.resources?.length) resourceRules.push(toResourceRule(rule));
    if (rule.nonResourceURLs?.length) {
      nonResourceRules.push({ verbs: [...rule.verbs], nonResourceURLs: [...rule.nonResourceURLs] });
    }
    return false;
  });
  const review: RulesReview = { resourceRules, nonResourceRules, incomplete: errors.length > 0 };
  if (errors.length > 0) review.evaluationError = errorReason(errors);
  return review;
}

function toResourceRule(rule: PolicyRule): ResourceRule {
  const out: ResourceRule = { verbs: [...rule.verbs] };
  if (rule.apiGroups?.length) out.apiGroups = [...rule.apiGroups];
  if (rule.resources?.length) out.resources = [...rule.resources];
  if (rule.resourceNames?.length) out.resourceNames = [...rule.resourceNames];
  return out;
}
