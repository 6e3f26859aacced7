import { describe, expect, it } from 'vitest';
import { draftOf, draftProblems } from './role-draft';

const K = 'kargo.akuity.io';

describe('role drafts', () => {
  it('a role read back as a draft has no problems and keeps every claim', () => {
    const d = draftOf({
      project: 'p',
      name: 'qa',
      kargoManaged: true,
      claims: [{ name: 'https://corp.example/team', values: ['qa'] }],
      rules: [{ apiGroups: [K], resources: ['stages'], verbs: ['promote'] }],
    });
    expect(d.claims).toEqual([{ name: 'https://corp.example/team', text: 'qa' }]);
    expect(draftProblems(d, false)).toEqual([]);
  });

  it('lists every reason a new role cannot be saved, naming the field', () => {
    const d = {
      name: 'QA',
      description: '',
      claims: [{ name: '', text: 'x' }],
      rules: [{ resource: 'stages', name: '', verbs: [] }],
    };
    expect(draftProblems(d, true)).toEqual([
      'Name: Use lower-case letters only.',
      'Claim 1: Name the claim these values are for.',
      'Rule 1: Pick at least one verb: a rule without verbs allows nothing.',
    ]);
  });

  it('does not judge the name of an existing role (it cannot change)', () => {
    expect(draftProblems({ name: '', description: '', claims: [], rules: [] }, false)).toEqual([]);
  });
});
