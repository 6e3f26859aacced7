import type { RoleClaim } from '@wharf/shared/api';

/** One editable claim row: any claim name, its values as typed (comma or newline separated). */
export interface ClaimRow {
  name: string;
  text: string;
}

export const WELL_KNOWN_CLAIMS = ['email', 'groups', 'sub'];

export const splitValues = (text: string) => [
  ...new Set(
    text
      .split(/[\n,]/)
      .map((v) => v.trim())
      .filter(Boolean),
  ),
];

/** Every claim of the role becomes a row, whatever its name: nothing is hidden, so nothing is lost. */
export function draftClaims(claims: readonly RoleClaim[]): ClaimRow[] {
  return claims.map((c) => ({ name: c.name, text: c.values.join(', ') }));
}

/** The claims the rows describe, rows of one name merged, empty ones left out. */
export function claimsOf(rows: readonly ClaimRow[]): RoleClaim[] {
  const m = new Map<string, string[]>();
  for (const r of rows) {
    const name = r.name.trim();
    if (!name) continue;
    m.set(name, [...new Set([...(m.get(name) ?? []), ...splitValues(r.text)])]);
  }
  return [...m.entries()]
    .filter(([, values]) => values.length > 0)
    .map(([name, values]) => ({ name, values }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function claimRowProblem(row: ClaimRow): string | undefined {
  const name = row.name.trim();
  if (!name && row.text.trim()) return 'Name the claim these values are for.';
  if (name.length > 253) return 'Claim names have at most 253 characters.';
  if (name && splitValues(row.text).length === 0)
    return `Enter at least one value for "${name}", or remove the row.`;
  return undefined;
}

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/**
 * The `claims` of an update: only claims whose values changed, and `[]` for a claim the user
 * removed. The API keeps every claim not named, so unchanged claims (of any name) are not sent.
 */
export function claimsUpdate(
  original: readonly RoleClaim[],
  rows: readonly ClaimRow[],
): RoleClaim[] {
  const next = claimsOf(rows);
  const before = new Map(original.map((c) => [c.name, c.values]));
  const changed = next.filter((c) => !same(before.get(c.name) ?? [], c.values));
  const removed = original
    .filter((c) => !next.some((n) => n.name === c.name))
    .map((c) => ({ name: c.name, values: [] }));
  return [...changed, ...removed];
}

/** What the API does with an update's claims (values replaced per named claim; others kept). */
export function applyClaimsUpdate(
  current: readonly RoleClaim[],
  update: readonly RoleClaim[],
): RoleClaim[] {
  const m = new Map(current.map((c) => [c.name, c.values]));
  for (const c of update) m.set(c.name, c.values);
  return [...m.entries()]
    .filter(([, v]) => v.length > 0)
    .map(([name, values]) => ({ name, values }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
