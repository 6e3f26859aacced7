import type { AccessCheck } from './caller-seam.js';

/** One entry of a SelfSubjectRulesReview's `status.resourceRules`. */
export interface ResourceRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
}

const ALL = '*';

/**
 * Whether any rule allows the check, matched as Kubernetes RBAC matches a request: `*` for
 * verbs, groups and resources; `resource/subresource`, or a star before the slash, for a subresource;
 * resourceNames, when given, must name the object (a request without a name matches none).
 */
export function rulesAllow(rules: readonly ResourceRule[], check: AccessCheck): boolean {
  const combined = check.subresource ? `${check.resource}/${check.subresource}` : check.resource;
  return rules.some(
    (r) =>
      r.verbs.some((v) => v === ALL || v === check.verb) &&
      (r.apiGroups ?? []).some((g) => g === ALL || g === check.group) &&
      (r.resources ?? []).some(
        (res) =>
          res === ALL ||
          res === combined ||
          (check.subresource !== undefined && res === `*/${check.subresource}`),
      ) &&
      (!r.resourceNames?.length || r.resourceNames.includes(check.name ?? '')),
  );
}
