import type { PolicyRule, ResourceDetails } from '@wharf/shared/api';
import { PROMOTE, resourceType, verbsFor } from './resource-catalog';
import { type RuleCell, cellKey, cellToRule, toCells } from './rule-cells';

/** One editable permission row: a resource of the catalogue, an optional object name, verbs. */
export interface RuleRow {
  resource: string;
  name: string;
  verbs: string[];
}

/** A rule the editor understands is a catalogue resource under the catalogue's API group. */
const understood = (c: RuleCell) => resourceType(c.resource)?.group === c.group;

/**
 * Splits a role's rules into rows the editor can change and rules it cannot express (another
 * API group, an unknown resource): those are shown as they are and never written back changed.
 */
export function draftRules(rules: readonly PolicyRule[]): { rows: RuleRow[]; kept: RuleCell[] } {
  const cells = toCells(rules);
  return {
    rows: cells
      .filter(understood)
      .map((c) => ({ resource: c.resource, name: c.name, verbs: c.verbs })),
    kept: cells.filter((c) => !understood(c)),
  };
}

const NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/** Why a row cannot be saved, or undefined. */
export function rowProblem(row: RuleRow): string | undefined {
  if (!row.resource) return 'Pick a resource.';
  if (!resourceType(row.resource)) return `Unknown resource "${row.resource}".`;
  if (row.verbs.length === 0) return 'Pick at least one verb: a rule without verbs allows nothing.';
  const offered = verbsFor(row.resource.split('/')[0] ?? '');
  const bad = row.verbs.filter((v) => !offered.includes(v));
  if (bad.length > 0)
    return bad.includes(PROMOTE)
      ? '"promote" only applies to stages.'
      : `Not a verb for ${row.resource}: ${bad.join(', ')}.`;
  if (row.name && (row.name.length > 253 || !NAME.test(row.name)))
    return 'Object names are lower-case letters, digits, "-" and ".", starting and ending with a letter or digit.';
  return undefined;
}

export function toDetails(row: RuleRow): ResourceDetails {
  return {
    resourceType: row.resource,
    ...(row.name ? { resourceName: row.name } : {}),
    verbs: [...row.verbs].sort(),
  };
}

const rowCells = (rows: readonly RuleRow[]) =>
  toCells(
    rows.map((r) =>
      cellToRule({
        group: resourceType(r.resource)?.group ?? '',
        resource: r.resource,
        name: r.name,
        verbs: r.verbs,
      }),
    ),
  );

const detailsOf = (c: RuleCell, verbs: string[]): ResourceDetails => ({
  resourceType: c.resource,
  ...(c.name ? { resourceName: c.name } : {}),
  verbs,
});

export type RuleSavePlan =
  | { kind: 'none' }
  | { kind: 'replace'; rules: ResourceDetails[] }
  | { kind: 'edit'; revokes: ResourceDetails[]; grants: ResourceDetails[] };

/**
 * How to save edited rows without losing what the editor could not show. With nothing kept
 * aside, the whole rule set is replaced in one write. Otherwise only the changed cells are
 * granted or revoked, so the kept rules are never sent and never touched.
 */
export function planRuleSave(
  original: readonly PolicyRule[],
  rows: readonly RuleRow[],
): RuleSavePlan {
  const { rows: before, kept } = draftRules(original);
  const was = new Map(rowCells(before).map((c) => [cellKey(c), c]));
  const now = rowCells(rows);
  const revokes: ResourceDetails[] = [];
  const grants: ResourceDetails[] = [];
  for (const c of now) {
    const old = was.get(cellKey(c))?.verbs ?? [];
    was.delete(cellKey(c));
    if (old.includes('*') && !c.verbs.includes('*')) {
      // The API expands `*` before revoking, so revoking the rest leaves exactly these verbs.
      const all = verbsFor(c.resource.split('/')[0] ?? '').filter((v) => v !== '*');
      revokes.push(
        detailsOf(
          c,
          all.filter((v) => !c.verbs.includes(v)),
        ),
      );
      continue;
    }
    const added = c.verbs.filter((v) => !old.includes(v));
    const removed = c.verbs.includes('*') ? [] : old.filter((v) => !c.verbs.includes(v));
    if (added.length) grants.push(detailsOf(c, c.verbs.includes('*') ? ['*'] : added));
    if (removed.length) revokes.push(detailsOf(c, removed));
  }
  for (const c of was.values()) revokes.push(detailsOf(c, c.verbs));
  if (revokes.length === 0 && grants.length === 0) return { kind: 'none' };
  if (kept.length === 0) return { kind: 'replace', rules: rows.map(toDetails) };
  return { kind: 'edit', revokes, grants };
}
