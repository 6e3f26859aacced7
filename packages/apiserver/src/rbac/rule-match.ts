import type { Attributes, PolicyRule, ResourceAttributes } from './types.js';

const ALL = '*';

function verbMatches(rule: PolicyRule, verb: string): boolean {
  return rule.verbs.some((v) => v === ALL || v === verb);
}

function apiGroupMatches(rule: PolicyRule, group: string): boolean {
  return (rule.apiGroups ?? []).some((g) => g === ALL || g === group);
}

/**
 * `*` matches every resource and subresource; `pods` matches only `pods`, never
 * `pods/log`; `*\/status` matches the status subresource of any resource.
 */
function resourceMatches(rule: PolicyRule, resource: string, subresource: string): boolean {
  const requested = subresource ? `${resource}/${subresource}` : resource;
  return (rule.resources ?? []).some(
    (r) => r === ALL || r === requested || (subresource !== '' && r === `${ALL}/${subresource}`),
  );
}

/** A rule naming resources only applies to requests for one of those names. */
function resourceNameMatches(rule: PolicyRule, name: string): boolean {
  const names = rule.resourceNames ?? [];
  return names.length === 0 || names.includes(name);
}

/** `*` matches all paths; a trailing `*` is a prefix match; otherwise exact. */
export function nonResourceURLMatches(pattern: string, path: string): boolean {
  if (pattern === ALL || pattern === path) return true;
  return pattern.endsWith(ALL) && path.startsWith(pattern.slice(0, -1));
}

function resourceRuleAllows(rule: PolicyRule, attrs: ResourceAttributes): boolean {
  return (
    verbMatches(rule, attrs.verb) &&
    apiGroupMatches(rule, attrs.apiGroup) &&
    resourceMatches(rule, attrs.resource, attrs.subresource ?? '') &&
    resourceNameMatches(rule, attrs.name ?? '')
  );
}

export function ruleAllows(rule: PolicyRule, attrs: Attributes): boolean {
  if (attrs.kind === 'resource') return resourceRuleAllows(rule, attrs);
  return (
    verbMatches(rule, attrs.verb) &&
    (rule.nonResourceURLs ?? []).some((p) => nonResourceURLMatches(p, attrs.path))
  );
}
