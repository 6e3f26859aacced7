import { describe, expect, it } from 'vitest';
import { rulesFor } from './rules-for.js';
import { KARGO, user } from './testing/fixtures.js';
import { world } from './testing/world.js';

describe('rulesFor (SelfSubjectRulesReview)', () => {
  it('lists cluster-wide and namespace rules, ClusterRoleBindings first', () => {
    expect(rulesFor(world, user('alice', 'kargo-viewers'), 'kargo-demo')).toEqual({
      resourceRules: [
        {
          verbs: ['get', 'list', 'watch'],
          apiGroups: [KARGO],
          resources: ['stages', 'freights', 'warehouses', 'promotions'],
        },
        { verbs: ['promote'], apiGroups: [KARGO], resources: ['stages'] },
      ],
      nonResourceRules: [],
      incomplete: false,
    });
  });

  it('leaves out RoleBindings of other namespaces', () => {
    expect(rulesFor(world, user('alice'), 'other').resourceRules).toEqual([]);
  });

  it('keeps resourceNames and lists nonResourceURL rules apart', () => {
    expect(rulesFor(world, user('carol'), 'kargo-demo').resourceRules).toEqual([
      {
        verbs: ['get', 'update'],
        apiGroups: [''],
        resources: ['secrets'],
        resourceNames: ['git-creds'],
      },
    ]);
    expect(rulesFor(world, user('mo', 'monitoring'), 'x').nonResourceRules).toEqual([
      { verbs: ['get'], nonResourceURLs: ['/metrics', '/healthz/*'] },
    ]);
  });

  it('expands an aggregated ClusterRole', () => {
    expect(rulesFor(world, user('erin'), 'kargo-demo').resourceRules).toEqual([
      { verbs: ['create', 'update'], apiGroups: [KARGO], resources: ['stages'] },
      { verbs: ['patch'], apiGroups: [KARGO], resources: ['warehouses'] },
    ]);
  });

  it('marks the review incomplete when a binding points at a missing role', () => {
    expect(rulesFor(world, user('frank'), 'kargo-demo')).toEqual({
      resourceRules: [],
      nonResourceRules: [],
      incomplete: true,
      evaluationError: 'RBAC: role.rbac.authorization.k8s.io "does-not-exist" not found',
    });
  });

  it('gives system:masters every verb on everything', () => {
    const review = rulesFor(world, user('admin', 'system:masters'), 'x');
    expect(review.resourceRules[0]).toEqual({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] });
    expect(review.nonResourceRules[0]).toEqual({ verbs: ['*'], nonResourceURLs: ['*'] });
  });
});
