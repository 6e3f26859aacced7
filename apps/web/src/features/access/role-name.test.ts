import { describe, expect, it } from 'vitest';
import { roleNameProblem } from './role-name';

describe('role names are RFC 1123 labels', () => {
  it.each(['a', 'qa-promoters', '0day', 'a'.repeat(63)])('accepts %s', (n) => {
    expect(roleNameProblem(n)).toBeUndefined();
  });
  it.each([
    ['', /Enter a name/],
    ['a'.repeat(64), /At most 63/],
    ['QA', /lower-case/],
    ['-qa', /starting and ending/],
    ['qa.team', /starting and ending/],
    ['qa_team', /Use only/],
  ])('refuses %j saying why', (n, why) => {
    expect(roleNameProblem(n)).toMatch(why);
  });
});
