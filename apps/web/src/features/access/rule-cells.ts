import type { PolicyRule } from '@wharf/shared/api';

/** One (apiGroup, resource, resourceName) with its verbs; name '' means every object. */
export interface RuleCell {
  group: string;
  resource: string;
  name: string;
  verbs: string[];
}

const key = (c: Pick<RuleCell, 'group' | 'resource' | 'name'>) =>
  JSON.stringify([c.group, c.resource, c.name]);

/**
 * Splits rules into one cell per apiGroup/resource/resourceName, verbs united and sorted, `*`
 * absorbing the rest: the shape the roles API writes, so equal permissions compare equal.
 */
export function toCells(rules: readonly PolicyRule[]): RuleCell[] {
  const map = new Map<
    string,
    { group: string; resource: string; name: string; verbs: Set<string> }
  >();
  for (const r of rules) {
    const names = r.resourceNames?.length ? r.resourceNames : [''];
    for (const group of r.apiGroups.length ? r.apiGroups : ['']) {
      for (const resource of r.resources) {
        for (const name of names) {
          const k = key({ group, resource, name });
          const cell = map.get(k) ?? { group, resource, name, verbs: new Set<string>() };
          r.verbs.forEach((v) => cell.verbs.add(v));
          map.set(k, cell);
        }
      }
    }
  }
  return [...map.values()]
    .filter((c) => c.verbs.size > 0)
    .map((c) => ({ ...c, verbs: c.verbs.has('*') ? ['*'] : [...c.verbs].sort() }))
    .sort(
      (a, b) =>
        a.group.localeCompare(b.group) ||
        a.resource.localeCompare(b.resource) ||
        a.name.localeCompare(b.name),
    );
}

export function cellToRule(c: RuleCell): PolicyRule {
  return {
    apiGroups: [c.group],
    resources: [c.resource],
    ...(c.name ? { resourceNames: [c.name] } : {}),
    verbs: c.verbs,
  };
}

export const cellKey = key;

const matches = (list: readonly string[] | undefined, value: string) =>
  !list || list.length === 0 ? false : list.includes('*') || list.includes(value);

/** Whether the rules allow `verb` on `group/resource` named `name` (RBAC's matching, `*` included). */
export function allows(
  rules: readonly PolicyRule[],
  verb: string,
  group: string,
  resource: string,
  name?: string,
): boolean {
  return rules.some(
    (r) =>
      matches(r.verbs, verb) &&
      matches(r.apiGroups, group) &&
      matches(r.resources, resource) &&
      (!r.resourceNames?.length || (name !== undefined && r.resourceNames.includes(name))),
  );
}
