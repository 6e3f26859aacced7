import { describe, expect, it } from 'vitest';
import { covers } from './covers.js';
import { findEscalation } from './escalation.js';
import {
  KARGO,
  clusterRole,
  clusterRoleBinding,
  role,
  roleBinding,
  source,
  user,
  userSubject,
} from './testing/fixtures.js';
import type { PolicyRule } from './types.js';

const stages = (...verbs: string[]): PolicyRule => ({
  verbs,
  apiGroups: [KARGO],
  resources: ['stages'],
});

describe('covers (what holding rules lets you grant)', () => {
  const cases: Array<[string, PolicyRule[], PolicyRule, boolean]> = [
    [
      'get,list on stages does not cover promote',
      [stages('get', 'list')],
      stages('promote'),
      false,
    ],
    ['get,list on stages covers get', [stages('get', 'list')], stages('get'), true],
    ['* on stages covers promote', [stages('*')], stages('promote'), true],
    ['* on stages covers a literal * request', [stages('*')], stages('*'), true],
    [
      'listing every verb does not cover a literal * request',
      [stages('get', 'list', 'watch', 'promote')],
      stages('*'),
      false,
    ],
    [
      'rules add up across owner rules',
      [stages('get'), stages('list')],
      stages('get', 'list'),
      true,
    ],
    [
      'a wildcard apiGroup covers any group',
      [{ verbs: ['get'], apiGroups: ['*'], resources: ['stages'] }],
      stages('get'),
      true,
    ],
    [
      'another group does not cover',
      [{ verbs: ['get'], apiGroups: ['apps'], resources: ['stages'] }],
      stages('get'),
      false,
    ],
    [
      '* resources covers a subresource',
      [{ verbs: ['patch'], apiGroups: [KARGO], resources: ['*'] }],
      { verbs: ['patch'], apiGroups: [KARGO], resources: ['freights/status'] },
      true,
    ],
    [
      '*/status covers freights/status',
      [{ verbs: ['patch'], apiGroups: [KARGO], resources: ['*/status'] }],
      { verbs: ['patch'], apiGroups: [KARGO], resources: ['freights/status'] },
      true,
    ],
    [
      'a resource does not cover its subresource',
      [{ verbs: ['patch'], apiGroups: [KARGO], resources: ['freights'] }],
      { verbs: ['patch'], apiGroups: [KARGO], resources: ['freights/status'] },
      false,
    ],
    [
      'unrestricted names cover a named grant',
      [stages('get')],
      { ...stages('get'), resourceNames: ['prod'] },
      true,
    ],
    [
      'named ownership covers the same names',
      [{ ...stages('get'), resourceNames: ['prod', 'uat'] }],
      { ...stages('get'), resourceNames: ['prod'] },
      true,
    ],
    [
      'named ownership does not cover other names',
      [{ ...stages('get'), resourceNames: ['prod'] }],
      { ...stages('get'), resourceNames: ['dev'] },
      false,
    ],
    [
      'named ownership does not cover an unrestricted grant',
      [{ ...stages('get'), resourceNames: ['prod'] }],
      stages('get'),
      false,
    ],
    [
      'a trailing * URL covers paths below it',
      [{ verbs: ['get'], nonResourceURLs: ['/healthz/*'] }],
      { verbs: ['get'], nonResourceURLs: ['/healthz/etcd'] },
      true,
    ],
    [
      'a path does not cover its neighbour',
      [{ verbs: ['get'], nonResourceURLs: ['/metrics'] }],
      { verbs: ['get'], nonResourceURLs: ['/metrics/x'] },
      false,
    ],
    [
      'resource rules do not cover URL rules',
      [stages('*')],
      { verbs: ['get'], nonResourceURLs: ['/metrics'] },
      false,
    ],
  ];
  it.each(cases)('%s', (_name, owner, requested, expected) => {
    expect(covers(owner, requested)).toBe(expected);
  });
});

describe('findEscalation (a user cannot grant what they do not hold)', () => {
  const src = source({
    clusterRoles: [
      clusterRole('stage-reader', [stages('get', 'list')]),
      clusterRole('stage-all', [stages('*')]),
    ],
    roles: [role('a', 'stage-reader', [stages('get', 'list')])],
    roleBindings: [
      roleBinding('a', 'reader-a', 'ClusterRole', 'stage-reader', [userSubject('ann')]),
      roleBinding('a', 'all-a', 'ClusterRole', 'stage-all', [userSubject('sam')]),
      roleBinding('a', 'role-a', 'Role', 'stage-reader', [userSubject('rita')]),
    ],
    clusterRoleBindings: [clusterRoleBinding('all-cluster', 'stage-all', [userSubject('cleo')])],
  });

  it('when a reader of stages writes a Role with promote, promote is the escalation', () => {
    expect(findEscalation(src, user('ann'), 'a', [stages('get', 'promote')])).toEqual([
      stages('promote'),
    ]);
  });

  it('when a user holding * on stages writes a Role with promote, nothing escalates', () => {
    expect(findEscalation(src, user('sam'), 'a', [stages('promote', 'get')])).toEqual([]);
  });

  it('holding rules in namespace a does not cover namespace b', () => {
    expect(findEscalation(src, user('sam'), 'b', [stages('promote')])).toEqual([stages('promote')]);
  });

  it('holding rules through a namespaced RoleBinding does not cover a ClusterRole', () => {
    expect(findEscalation(src, user('sam'), undefined, [stages('get')])).toEqual([stages('get')]);
  });

  it('cluster-wide holdings cover namespaced and cluster-scoped requests', () => {
    expect(findEscalation(src, user('cleo'), 'anywhere', [stages('promote')])).toEqual([]);
    expect(findEscalation(src, user('cleo'), undefined, [stages('update')])).toEqual([]);
  });

  it('a Role held through a RoleBinding covers the same rules', () => {
    expect(findEscalation(src, user('rita'), 'a', [stages('list')])).toEqual([]);
  });

  it('system:masters never escalates', () => {
    expect(findEscalation(src, user('root', 'system:masters'), undefined, [stages('*')])).toEqual(
      [],
    );
  });

  it('a user with no bindings escalates with every part of every rule', () => {
    expect(findEscalation(src, user('nobody'), 'a', [stages('get', 'list')])).toEqual([
      stages('get', 'list'),
    ]);
  });

  it('lists missing parts compacted per group/resource and ordered by their verbs', () => {
    const missing = findEscalation(src, user('ann'), 'a', [
      { verbs: ['promote', 'delete'], apiGroups: [KARGO], resources: ['stages', 'freights'] },
      { verbs: ['get'], apiGroups: [''], resources: ['secrets'], resourceNames: ['s1', 's2'] },
      { verbs: ['get'], nonResourceURLs: ['/metrics'] },
    ]);
    expect(missing).toEqual([
      { verbs: ['get'], nonResourceURLs: ['/metrics'] },
      { verbs: ['get'], apiGroups: [''], resources: ['secrets'], resourceNames: ['s1'] },
      { verbs: ['get'], apiGroups: [''], resources: ['secrets'], resourceNames: ['s2'] },
      { verbs: ['promote', 'delete'], apiGroups: [KARGO], resources: ['freights'] },
      { verbs: ['promote', 'delete'], apiGroups: [KARGO], resources: ['stages'] },
    ]);
  });
});
