import { describe, expect, it } from 'vitest';
import { type ResourceRule, rulesAllow } from '../../src/identity/rbac-rules.js';

const KARGO = 'kargo.akuity.io';
const stage = (verb: string, name?: string) => ({
  verb,
  group: KARGO,
  resource: 'stages',
  namespace: 'p',
  ...(name ? { name } : {}),
});

describe('rules from a SelfSubjectRulesReview are matched as Kubernetes RBAC matches them', () => {
  const promoter: ResourceRule[] = [
    { verbs: ['promote'], apiGroups: [KARGO], resources: ['stages'], resourceNames: ['staging'] },
    { verbs: ['create'], apiGroups: [KARGO], resources: ['promotions'] },
    { verbs: ['patch'], apiGroups: [KARGO], resources: ['freights/status'] },
    { verbs: ['get', 'list'], apiGroups: [''], resources: ['*/status'] },
  ];

  it.each([
    ['promote the named stage', stage('promote', 'staging'), true],
    ['promote another stage', stage('promote', 'production'), false],
    ['promote with no stage named (resourceNames need a name)', stage('promote'), false],
    ['patch a stage (no rule has the verb)', stage('patch', 'staging'), false],
    [
      'create promotions',
      { verb: 'create', group: KARGO, resource: 'promotions', namespace: 'p' },
      true,
    ],
    [
      'create promotions in another API group',
      { verb: 'create', group: 'x.io', resource: 'promotions', namespace: 'p' },
      false,
    ],
    [
      'patch freights/status',
      { verb: 'patch', group: KARGO, resource: 'freights', subresource: 'status', namespace: 'p' },
      true,
    ],
    [
      'patch freights themselves (the subresource rule does not cover the object)',
      { verb: 'patch', group: KARGO, resource: 'freights', namespace: 'p' },
      false,
    ],
    [
      'get a pod status through */status',
      { verb: 'get', group: '', resource: 'pods', subresource: 'status', namespace: 'p' },
      true,
    ],
  ])('%s: %s', (_what, check, allowed) => {
    expect(rulesAllow(promoter, check)).toBe(allowed);
  });

  it('a star grants every verb, group and resource, subresources included', () => {
    const all: ResourceRule[] = [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }];
    expect(rulesAllow(all, stage('delete', 'x'))).toBe(true);
    expect(
      rulesAllow(all, { verb: 'update', group: '', resource: 'secrets', subresource: 'status' }),
    ).toBe(true);
    expect(rulesAllow([], stage('get', 'x'))).toBe(false);
  });
});
