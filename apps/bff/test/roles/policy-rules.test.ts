import { describe, expect, it } from 'vitest';
import {
  addedGrants,
  grantRule,
  normalizeRules,
  revokeRule,
  ruleFromDetails,
} from '../../src/roles/policy-rules.js';
import { resolveResource } from '../../src/roles/resource-types.js';

describe('permissions as Kargo stores them', () => {
  it('normalizes to one rule per apiGroup/resource/resourceName with sorted, unique verbs', () => {
    expect(
      normalizeRules([
        {
          apiGroups: ['kargo.akuity.io'],
          resources: ['stages', 'freights'],
          verbs: ['watch', 'get'],
        },
        {
          apiGroups: ['kargo.akuity.io'],
          resources: ['stages'],
          resourceNames: ['dev'],
          verbs: ['promote'],
        },
        { apiGroups: ['kargo.akuity.io'], resources: ['stages'], verbs: ['list', 'get'] },
      ]),
    ).toEqual([
      { apiGroups: ['kargo.akuity.io'], resources: ['freights'], verbs: ['get', 'watch'] },
      { apiGroups: ['kargo.akuity.io'], resources: ['stages'], verbs: ['get', 'list', 'watch'] },
      {
        apiGroups: ['kargo.akuity.io'],
        resources: ['stages'],
        resourceNames: ['dev'],
        verbs: ['promote'],
      },
    ]);
  });

  it('resolves the API group from the resource type, singular or plural, any case', () => {
    expect(resolveResource('Stage')).toEqual({ group: 'kargo.akuity.io', resource: 'stages' });
    expect(resolveResource('freights/status')).toEqual({
      group: 'kargo.akuity.io',
      resource: 'freights/status',
    });
    expect(resolveResource('secret')).toEqual({ group: '', resource: 'secrets' });
    expect(resolveResource('configmaps')).toEqual({ group: '', resource: 'configmaps' });
    expect(resolveResource('serviceaccounts')).toEqual({ group: '', resource: 'serviceaccounts' });
    expect(resolveResource('RoleBinding')).toEqual({
      group: 'rbac.authorization.k8s.io',
      resource: 'rolebindings',
    });
    expect(() => resolveResource('pods')).toThrowError(/Unknown resource type "pods"/);
  });

  it('grants merge into the existing rule, and `*` absorbs other verbs', () => {
    const rules = [ruleFromDetails({ resourceType: 'stages', verbs: ['get'] })];
    expect(grantRule(rules, ruleFromDetails({ resourceType: 'stage', verbs: ['list'] }))).toEqual([
      { apiGroups: ['kargo.akuity.io'], resources: ['stages'], verbs: ['get', 'list'] },
    ]);
    expect(grantRule(rules, ruleFromDetails({ resourceType: 'stages', verbs: ['*'] }))).toEqual([
      { apiGroups: ['kargo.akuity.io'], resources: ['stages'], verbs: ['*'] },
    ]);
  });

  it('revokes drop emptied rules and leave other resource names alone', () => {
    const rules = [
      ruleFromDetails({ resourceType: 'stages', resourceName: 'dev', verbs: ['promote'] }),
      ruleFromDetails({ resourceType: 'stages', resourceName: 'prod', verbs: ['promote'] }),
    ];
    expect(
      revokeRule(
        rules,
        ruleFromDetails({ resourceType: 'stages', resourceName: 'dev', verbs: ['promote'] }),
      ),
    ).toEqual([
      {
        apiGroups: ['kargo.akuity.io'],
        resources: ['stages'],
        resourceNames: ['prod'],
        verbs: ['promote'],
      },
    ]);
  });

  it('finds only what a change adds, for the escalation guard', () => {
    const before = [ruleFromDetails({ resourceType: 'stages', verbs: ['get', 'list'] })];
    const after = [ruleFromDetails({ resourceType: 'stages', verbs: ['get', 'list', 'promote'] })];
    expect(addedGrants(before, after)).toEqual([
      { verb: 'promote', group: 'kargo.akuity.io', resource: 'stages', name: '' },
    ]);
    expect(addedGrants([ruleFromDetails({ resourceType: 'stages', verbs: ['*'] })], after)).toEqual(
      [],
    );
  });
});
