import { describe, expect, it } from 'vitest';
import { allows, toCells } from './rule-cells';
import { summarizeRules } from './rule-summary';

const K = 'kargo.akuity.io';

describe('rule normalization for display', () => {
  it('splits multi-resource rules into one cell per group/resource/name with verbs merged and sorted', () => {
    const cells = toCells([
      { apiGroups: [K], resources: ['stages', 'freights'], verbs: ['watch', 'get'] },
      { apiGroups: [K], resources: ['stages'], verbs: ['list', 'get'] },
    ]);
    expect(cells).toEqual([
      { group: K, resource: 'freights', name: '', verbs: ['get', 'watch'] },
      { group: K, resource: 'stages', name: '', verbs: ['get', 'list', 'watch'] },
    ]);
  });

  it('lets * absorb every other verb and drops rules without verbs', () => {
    const cells = toCells([
      { apiGroups: [K], resources: ['stages'], verbs: ['get', '*'] },
      { apiGroups: [K], resources: ['freights'], verbs: [] },
    ]);
    expect(cells).toEqual([{ group: K, resource: 'stages', name: '', verbs: ['*'] }]);
  });

  it('summarizes by verb set, naming objects, all-verbs first', () => {
    expect(
      summarizeRules([
        { apiGroups: [K], resources: ['stages'], resourceNames: ['staging'], verbs: ['promote'] },
        { apiGroups: [K], resources: ['stages', 'freights'], verbs: ['get', 'list', 'watch'] },
        { apiGroups: [''], resources: ['secrets'], verbs: ['*'] },
      ]),
    ).toEqual([
      'all verbs: secrets',
      'get, list, watch: freights, stages',
      'promote: stages "staging"',
    ]);
  });

  it('matches verbs, groups and resources the way RBAC does, * and resource names included', () => {
    const rules = [
      { apiGroups: [K], resources: ['stages'], resourceNames: ['staging'], verbs: ['promote'] },
      { apiGroups: ['*'], resources: ['promotions'], verbs: ['*'] },
    ];
    expect(allows(rules, 'promote', K, 'stages', 'staging')).toBe(true);
    expect(allows(rules, 'promote', K, 'stages', 'prod')).toBe(false);
    expect(allows(rules, 'create', K, 'promotions')).toBe(true);
    expect(allows(rules, 'promote', '', 'stages', 'staging')).toBe(false);
  });
});
