import type { KargoRole } from '@wharf/shared/api';
import { type ClaimRow, claimRowProblem, draftClaims } from './claims-draft';
import { roleNameProblem } from './role-name';
import { type RuleRow, draftRules, rowProblem } from './rules-draft';

/** What the role editor holds while the user edits. */
export interface RoleDraft {
  name: string;
  description: string;
  claims: ClaimRow[];
  rules: RuleRow[];
}

/** The editable form of a role (every claim; the rules the editor can express). */
export const draftOf = (role: KargoRole | undefined): RoleDraft => ({
  name: role?.name ?? '',
  description: role?.description ?? '',
  claims: draftClaims(role?.claims ?? []),
  rules: draftRules(role?.rules ?? []).rows,
});

/** Every reason the draft cannot be saved, each naming the field it is about. */
export function draftProblems(d: RoleDraft, creating: boolean): string[] {
  const out: string[] = [];
  const name = creating ? roleNameProblem(d.name) : undefined;
  if (name) out.push(`Name: ${name}`);
  d.claims.forEach((c, i) => {
    const p = claimRowProblem(c);
    if (p) out.push(`Claim ${i + 1}: ${p}`);
  });
  d.rules.forEach((r, i) => {
    const p = rowProblem(r);
    if (p) out.push(`Rule ${i + 1}: ${p}`);
  });
  return out;
}
