import type { PolicyRule } from './types.js';

const ALL = '*';

/**
 * Splits a rule into its smallest grants: one per (apiGroup, resource, verb[, name])
 * and one per (nonResourceURL, verb). A rule grants exactly the union of these.
 */
export function breakdownRule(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const group of rule.apiGroups ?? []) {
    for (const resource of rule.resources ?? []) {
      for (const verb of rule.verbs) {
        const names = rule.resourceNames ?? [];
        if (names.length === 0)
          out.push({ verbs: [verb], apiGroups: [group], resources: [resource] });
        for (const name of names) {
          out.push({
            verbs: [verb],
            apiGroups: [group],
            resources: [resource],
            resourceNames: [name],
          });
        }
      }
    }
  }
  for (const url of rule.nonResourceURLs ?? []) {
    for (const verb of rule.verbs) out.push({ verbs: [verb], nonResourceURLs: [url] });
  }
  return out;
}

/** Whether holding `ownerRules` grants at least everything `requested` grants. */
export function covers(ownerRules: PolicyRule[], requested: PolicyRule): boolean {
  return uncoveredParts(ownerRules, requested).length === 0;
}

export function uncoveredParts(ownerRules: PolicyRule[], requested: PolicyRule): PolicyRule[] {
  return breakdownRule(requested).filter((part) => !ownerRules.some((o) => ruleCovers(o, part)));
}

function coversAll(owned: string[] | undefined, wanted: string[] | undefined): boolean {
  const have = owned ?? [];
  return have.includes(ALL) || (wanted ?? []).every((w) => have.includes(w));
}

/** `*` covers everything, `*\/status` covers any resource's status; `pods` never covers `pods/log`. */
function resourcesCovered(owned: string[] | undefined, wanted: string[] | undefined): boolean {
  const have = owned ?? [];
  if (have.includes(ALL)) return true;
  return (wanted ?? []).every((w) => {
    if (have.includes(w)) return true;
    const slash = w.indexOf('/');
    return slash > 0 && have.includes(`${ALL}/${w.slice(slash + 1)}`);
  });
}

/** Unrestricted ownership covers any names; named ownership covers only a subset of itself. */
function namesCovered(owned: string[] | undefined, wanted: string[] | undefined): boolean {
  const have = owned ?? [];
  if (have.length === 0) return true;
  const want = wanted ?? [];
  return want.length > 0 && want.every((w) => have.includes(w));
}

function urlsCovered(owned: string[] | undefined, wanted: string[] | undefined): boolean {
  const have = owned ?? [];
  return (wanted ?? []).every((w) =>
    have.some((h) => h === ALL || h === w || (h.endsWith(ALL) && w.startsWith(h.slice(0, -1)))),
  );
}

function ruleCovers(owner: PolicyRule, part: PolicyRule): boolean {
  return (
    coversAll(owner.verbs, part.verbs) &&
    coversAll(owner.apiGroups, part.apiGroups) &&
    resourcesCovered(owner.resources, part.resources) &&
    namesCovered(owner.resourceNames, part.resourceNames) &&
    urlsCovered(owner.nonResourceURLs, part.nonResourceURLs)
  );
}
