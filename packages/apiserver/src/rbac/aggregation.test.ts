import { describe, expect, it } from 'vitest';
import { aggregatedRules } from './aggregation.js';
import { matchesLabelSelector } from './label-selector.js';
import { clusterRole } from './testing/fixtures.js';
import type { ClusterRole } from './types.js';

const get = (resource: string) => ({ verbs: ['get'], apiGroups: [''], resources: [resource] });
const aggregate = (
  name: string,
  selectors: NonNullable<ClusterRole['aggregationRule']>['clusterRoleSelectors'],
  labels?: Record<string, string>,
): ClusterRole => ({
  ...clusterRole(name, [get('ignored-own-rule')], labels),
  aggregationRule: { clusterRoleSelectors: selectors ?? [] },
});

describe('aggregatedRules', () => {
  const b = clusterRole('b', [get('pods')], { agg: 'view' });
  const a = clusterRole('a', [get('secrets'), get('pods')], { agg: 'edit' });
  const c = clusterRole('c', [get('nodes')], { other: 'x' });

  it('unions the rules of roles matched by any selector, in name order, without duplicates', () => {
    const role = aggregate('view', [
      { matchLabels: { agg: 'view' } },
      { matchLabels: { agg: 'edit' } },
    ]);
    expect(aggregatedRules(role, [role, b, a, c])).toEqual([get('secrets'), get('pods')]);
  });

  it('ignores its own stored rules and matches nothing without selectors', () => {
    const role = aggregate('empty', []);
    expect(aggregatedRules(role, [role, a, b, c])).toEqual([]);
  });

  it('resolves nested aggregation and survives a cycle', () => {
    const inner = aggregate('inner', [{ matchLabels: { other: 'x' } }], { tier: 'inner' });
    const outer = aggregate('outer', [{ matchLabels: { tier: 'inner' } }], { other: 'x' });
    expect(aggregatedRules(outer, [outer, inner, c])).toEqual([get('nodes')]);
  });
});

describe('matchesLabelSelector', () => {
  const labels = { app: 'web', tier: 'front' };
  it.each([
    [{}, true],
    [{ matchLabels: { app: 'web' } }, true],
    [{ matchLabels: { app: 'db' } }, false],
    [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'back'] }] }, true],
    [{ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['front'] }] }, false],
    [{ matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['a'] }] }, true],
    [{ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, true],
    [{ matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, false],
    [{ matchExpressions: [{ key: 'app', operator: 'Bogus' }] }, false],
  ])('%j → %s', (selector, expected) => {
    expect(matchesLabelSelector(selector, labels)).toBe(expected);
  });
});
