import { matchesLabelSelector } from './label-selector.js';
import type { ClusterRole, PolicyRule } from './types.js';

/**
 * The rules an aggregated ClusterRole ends up with: the union of the rules of every
 * other ClusterRole matched by any of its clusterRoleSelectors, in name order,
 * without duplicates. Matched roles that aggregate themselves are resolved in turn.
 */
export function aggregatedRules(role: ClusterRole, all: ClusterRole[]): PolicyRule[] {
  return collect(role, all, new Set([role.metadata.name]));
}

/** The rules a ClusterRole grants: its own, or the aggregate when it has an aggregationRule. */
export function effectiveClusterRoleRules(role: ClusterRole, all: ClusterRole[]): PolicyRule[] {
  return role.aggregationRule ? aggregatedRules(role, all) : (role.rules ?? []);
}

function collect(role: ClusterRole, all: ClusterRole[], seen: Set<string>): PolicyRule[] {
  const selectors = role.aggregationRule?.clusterRoleSelectors ?? [];
  const matched = all
    .filter((other) => !seen.has(other.metadata.name))
    .filter((other) => selectors.some((s) => matchesLabelSelector(s, other.metadata.labels)))
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  const out: PolicyRule[] = [];
  const keys = new Set<string>();
  for (const other of matched) {
    const rules = other.aggregationRule
      ? collect(other, all, new Set([...seen, other.metadata.name]))
      : (other.rules ?? []);
    for (const rule of rules) {
      const key = JSON.stringify(rule);
      if (keys.has(key)) continue;
      keys.add(key);
      out.push(rule);
    }
  }
  return out;
}
