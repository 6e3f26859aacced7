import type { V1PolicyRule } from '@kubernetes/client-node';
import type { PolicyRule, ResourceDetails } from '@wharf/shared/api';
import { resolveResource, verbsOfWildcard } from './resource-types.js';

/** One (apiGroup, resource, resourceName) cell with its verbs; '' name = every object. */
interface Cell {
  group: string;
  resource: string;
  name: string;
  verbs: Set<string>;
}

const keyOf = (c: Pick<Cell, 'group' | 'resource' | 'name'>) =>
  JSON.stringify([c.group, c.resource, c.name]);

function cells(rules: readonly V1PolicyRule[]): Map<string, Cell> {
  const out = new Map<string, Cell>();
  for (const r of rules) {
    const names = r.resourceNames?.length ? r.resourceNames : [''];
    for (const group of r.apiGroups ?? ['']) {
      for (const resource of r.resources ?? []) {
        for (const name of names) {
          const k = keyOf({ group, resource, name });
          const cell = out.get(k) ?? { group, resource, name, verbs: new Set<string>() };
          for (const v of r.verbs) cell.verbs.add(v);
          out.set(k, cell);
        }
      }
    }
  }
  return out;
}

function toRules(map: Map<string, Cell>): PolicyRule[] {
  return [...map.values()]
    .filter((c) => c.verbs.size > 0)
    .sort(
      (a, b) =>
        a.group.localeCompare(b.group) ||
        a.resource.localeCompare(b.resource) ||
        a.name.localeCompare(b.name),
    )
    .map((c) => ({
      apiGroups: [c.group],
      resources: [c.resource],
      ...(c.name ? { resourceNames: [c.name] } : {}),
      verbs: c.verbs.has('*') ? ['*'] : [...c.verbs].sort(),
    }));
}

/** One rule per apiGroup/resource/resourceName, verbs sorted; `*` absorbs every other verb. */
export function normalizeRules(rules: readonly V1PolicyRule[]): PolicyRule[] {
  return toRules(cells(rules));
}

export function ruleFromDetails(d: ResourceDetails): PolicyRule {
  const { group, resource } = resolveResource(d.resourceType);
  return {
    apiGroups: [group],
    resources: [resource],
    ...(d.resourceName ? { resourceNames: [d.resourceName] } : {}),
    verbs: [...new Set(d.verbs.map((v) => v.trim()))].sort(),
  };
}

export function grantRule(rules: readonly V1PolicyRule[], grant: PolicyRule): PolicyRule[] {
  return normalizeRules([...rules, grant]);
}

/** Removes verbs from the matching cells; a `*` cell is first expanded to what it stands for; empty rules go. */
export function revokeRule(rules: readonly V1PolicyRule[], revoke: PolicyRule): PolicyRule[] {
  const map = cells(rules);
  for (const k of cells([revoke]).keys()) {
    const cell = map.get(k);
    if (!cell) continue;
    if (revoke.verbs.includes('*')) {
      cell.verbs.clear();
      continue;
    }
    if (cell.verbs.has('*')) cell.verbs = new Set(verbsOfWildcard(cell.resource));
    for (const v of revoke.verbs) cell.verbs.delete(v);
  }
  return toRules(map);
}

/** The (verb, group, resource, name) grants in `next` that `previous` did not already give. */
export function addedGrants(previous: readonly V1PolicyRule[], next: readonly V1PolicyRule[]) {
  const before = cells(previous);
  const out: { verb: string; group: string; resource: string; name: string }[] = [];
  for (const [k, cell] of cells(next)) {
    const had = before.get(k)?.verbs ?? new Set<string>();
    if (had.has('*')) continue;
    for (const verb of cell.verbs)
      if (!had.has(verb))
        out.push({ verb, group: cell.group, resource: cell.resource, name: cell.name });
  }
  return out;
}
