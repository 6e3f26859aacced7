import type { RoleClaim } from '@wharf/shared/api';

type ClaimMap = Map<string, Set<string>>;

const toMap = (claims: readonly RoleClaim[]): ClaimMap => {
  const m: ClaimMap = new Map();
  for (const c of claims) {
    const set = m.get(c.name) ?? new Set<string>();
    for (const v of c.values) set.add(v);
    m.set(c.name, set);
  }
  return m;
};

const toList = (m: ClaimMap): RoleClaim[] =>
  [...m.entries()]
    .filter(([, v]) => v.size > 0)
    .map(([name, v]) => ({ name, values: [...v] }))
    .sort((a, b) => a.name.localeCompare(b.name));

/** Adds values; claims of any name (known to Wharf or not) are kept. */
export function grantClaims(current: readonly RoleClaim[], add: readonly RoleClaim[]): RoleClaim[] {
  return toList(toMap([...current, ...add]));
}

/** Removes only the given values; a claim left with no value disappears. */
export function revokeClaims(
  current: readonly RoleClaim[],
  remove: readonly RoleClaim[],
): RoleClaim[] {
  const m = toMap(current);
  for (const c of remove) for (const v of c.values) m.get(c.name)?.delete(v);
  return toList(m);
}

/** Sets the values of each named claim (`[]` drops it); claims not named are kept. */
export function replaceClaims(
  current: readonly RoleClaim[],
  set: readonly RoleClaim[],
): RoleClaim[] {
  const m = toMap(current);
  for (const c of set) m.set(c.name, new Set(c.values));
  return toList(m);
}
