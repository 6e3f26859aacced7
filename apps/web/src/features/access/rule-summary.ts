import type { PolicyRule } from '@wharf/shared/api';
import { toCells } from './rule-cells';

const verbLabel = (verbs: readonly string[]) =>
  verbs.includes('*') ? 'all verbs' : verbs.join(', ');

/**
 * A readable summary of a role's permissions: one line per set of verbs, listing what it applies
 * to, e.g. `promote: stages "staging"` and `get, list, watch: freights, stages, warehouses`.
 * API groups are left out here (resources of Kargo roles are unambiguous); the editor shows them.
 */
export function summarizeRules(rules: readonly PolicyRule[]): string[] {
  const lines = new Map<string, string[]>();
  for (const c of toCells(rules)) {
    const label = verbLabel(c.verbs);
    const target = c.name ? `${c.resource} "${c.name}"` : c.resource;
    lines.set(label, [...(lines.get(label) ?? []), target]);
  }
  return [...lines.entries()]
    .sort(([a], [b]) => (a === 'all verbs' ? -1 : b === 'all verbs' ? 1 : a.localeCompare(b)))
    .map(([verbs, targets]) => `${verbs}: ${[...new Set(targets)].sort().join(', ')}`);
}
