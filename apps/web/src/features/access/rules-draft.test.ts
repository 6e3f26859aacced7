import { describe, expect, it } from 'vitest';
import { draftRules, planRuleSave, rowProblem } from './rules-draft';

const K = 'kargo.akuity.io';
const read = { apiGroups: [K], resources: ['stages'], verbs: ['get', 'list'] };
const foreign = { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get'] };

describe('rules editor drafts and saves', () => {
  it('sets aside rules the editor cannot express instead of dropping them', () => {
    const d = draftRules([
      read,
      foreign,
      { apiGroups: [''], resources: ['stages'], verbs: ['get'] },
    ]);
    expect(d.rows).toEqual([{ resource: 'stages', name: '', verbs: ['get', 'list'] }]);
    expect(d.kept.map((c) => `${c.group}/${c.resource}`)).toEqual(['/stages', 'apps/deployments']);
  });

  it('replaces the whole rule set in one write when nothing was set aside', () => {
    const plan = planRuleSave([read], [{ resource: 'stages', name: 'prod', verbs: ['promote'] }]);
    expect(plan).toEqual({
      kind: 'replace',
      rules: [{ resourceType: 'stages', resourceName: 'prod', verbs: ['promote'] }],
    });
  });

  it('with kept rules, sends only grants and revokes of changed cells so kept rules are never touched', () => {
    const plan = planRuleSave(
      [read, foreign],
      [
        { resource: 'stages', name: '', verbs: ['get', 'watch'] },
        { resource: 'promotions', name: '', verbs: ['create'] },
      ],
    );
    expect(plan).toEqual({
      kind: 'edit',
      revokes: [{ resourceType: 'stages', verbs: ['list'] }],
      grants: [
        { resourceType: 'promotions', verbs: ['create'] },
        { resourceType: 'stages', verbs: ['watch'] },
      ],
    });
  });

  it('narrowing a * cell revokes every other verb (promote too, on stages) and grants nothing', () => {
    const star = { apiGroups: [K], resources: ['stages'], verbs: ['*'] };
    const plan = planRuleSave([star, foreign], [{ resource: 'stages', name: '', verbs: ['get'] }]);
    expect(plan).toEqual({
      kind: 'edit',
      revokes: [
        {
          resourceType: 'stages',
          verbs: [
            'list',
            'watch',
            'create',
            'update',
            'patch',
            'delete',
            'deletecollection',
            'promote',
          ],
        },
      ],
      grants: [],
    });
  });

  it('answers none when the rows equal what the role has', () => {
    expect(planRuleSave([read, foreign], draftRules([read, foreign]).rows)).toEqual({
      kind: 'none',
    });
  });

  it('refuses empty and invalid rows, saying why', () => {
    expect(rowProblem({ resource: '', name: '', verbs: ['get'] })).toBe('Pick a resource.');
    expect(rowProblem({ resource: 'stages', name: '', verbs: [] })).toMatch(/at least one verb/);
    expect(rowProblem({ resource: 'freights', name: '', verbs: ['promote'] })).toMatch(
      /only applies to stages/,
    );
    expect(rowProblem({ resource: 'stages', name: 'Prod', verbs: ['get'] })).toMatch(/lower-case/);
    expect(rowProblem({ resource: 'stages', name: 'prod', verbs: ['promote'] })).toBeUndefined();
  });
});
