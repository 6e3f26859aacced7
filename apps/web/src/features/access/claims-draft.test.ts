import { describe, expect, it } from 'vitest';
import {
  applyClaimsUpdate,
  claimRowProblem,
  claimsOf,
  claimsUpdate,
  draftClaims,
} from './claims-draft';

const role = [
  { name: 'department', values: ['payments'] },
  { name: 'groups', values: ['devs', 'ops'] },
];

describe('claims editing round-trip', () => {
  it('keeps a claim the app knows nothing about when another claim is edited', () => {
    const rows = draftClaims(role).map((r) =>
      r.name === 'groups' ? { ...r, text: 'devs, qa' } : r,
    );
    const update = claimsUpdate(role, rows);
    expect(update).toEqual([{ name: 'groups', values: ['devs', 'qa'] }]);
    expect(applyClaimsUpdate(role, update)).toEqual([
      { name: 'department', values: ['payments'] },
      { name: 'groups', values: ['devs', 'qa'] },
    ]);
  });

  it('sends nothing when nothing changed, whatever the value order', () => {
    const rows = draftClaims(role).map((r) =>
      r.name === 'groups' ? { ...r, text: 'ops,devs' } : r,
    );
    expect(claimsUpdate(role, rows)).toEqual([]);
  });

  it('removes a deleted claim by sending it with no values', () => {
    const rows = draftClaims(role).filter((r) => r.name !== 'department');
    expect(claimsUpdate(role, rows)).toEqual([{ name: 'department', values: [] }]);
  });

  it('merges rows of one name, splits on commas and newlines, drops blanks and duplicates', () => {
    expect(
      claimsOf([
        { name: 'groups', text: 'a, b\nb' },
        { name: ' groups ', text: 'c' },
        { name: 'email', text: ' ' },
      ]),
    ).toEqual([{ name: 'groups', values: ['a', 'b', 'c'] }]);
  });

  it('says what is wrong with a half-filled row', () => {
    expect(claimRowProblem({ name: '', text: 'x' })).toMatch(/Name the claim/);
    expect(claimRowProblem({ name: 'groups', text: '' })).toMatch(/at least one value/);
    expect(claimRowProblem({ name: 'https://example.com/roles', text: 'a' })).toBeUndefined();
  });
});
