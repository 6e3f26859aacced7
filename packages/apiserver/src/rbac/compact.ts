import type { PolicyRule } from './types.js';

const isSimple = (r: PolicyRule) =>
  r.apiGroups?.length === 1 &&
  r.resources?.length === 1 &&
  !r.resourceNames?.length &&
  !r.nonResourceURLs?.length;

/**
 * Merges rules naming one apiGroup and one resource (and nothing else) that differ
 * only in verbs, then orders them as Kubernetes lists missing permissions in an
 * escalation refusal (by their printed form, verbs first).
 */
export function compactRules(rules: PolicyRule[]): PolicyRule[] {
  const merged = new Map<string, PolicyRule>();
  const out: PolicyRule[] = [];
  for (const rule of rules) {
    if (!isSimple(rule)) {
      out.push(rule);
      continue;
    }
    const key = JSON.stringify([rule.apiGroups, rule.resources]);
    const existing = merged.get(key);
    if (existing) {
      for (const verb of rule.verbs) if (!existing.verbs.includes(verb)) existing.verbs.push(verb);
    } else {
      const copy = { ...rule, verbs: [...rule.verbs] };
      merged.set(key, copy);
      out.push(copy);
    }
  }
  return out.sort((a, b) => (printed(a) < printed(b) ? -1 : printed(a) > printed(b) ? 1 : 0));
}

function printed(r: PolicyRule): string {
  const list = (xs: string[] | undefined) => `[${(xs ?? []).join(' ')}]`;
  return `Verbs:${list(r.verbs)},APIGroups:${list(r.apiGroups)},Resources:${list(r.resources)},ResourceNames:${list(r.resourceNames)},NonResourceURLs:${list(r.nonResourceURLs)}`;
}
