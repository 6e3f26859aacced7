import { describe, expect, it } from 'vitest';
import type { KargoRole } from '@wharf/shared/api';
import { markChanges, planGrant } from './grant-plan';

const K = 'kargo.akuity.io';
const role = (patch: Partial<KargoRole> = {}): KargoRole => ({
  project: 'p',
  name: 'qa',
  kargoManaged: true,
  claims: [{ name: 'groups', values: ['devs'] }],
  rules: [{ apiGroups: [K], resources: ['promotions'], verbs: ['create'] }],
  ...patch,
});

describe('one-step grant and revoke plans', () => {
  it('grant role to group: one claims POST, preview shows the group added', () => {
    const plan = planGrant(role(), { kind: 'grant-claim', claim: 'groups', value: 'qa-team' });
    expect(plan.steps).toEqual([
      {
        method: 'POST',
        target: 'claims',
        body: { claims: [{ name: 'groups', values: ['qa-team'] }] },
      },
    ]);
    expect(plan.before).toEqual(['groups: devs']);
    expect(plan.after).toEqual(['groups: devs, qa-team']);
  });

  it('revoke from group: one claims DELETE; revoking an unmapped group does nothing and says so', () => {
    expect(
      planGrant(role(), { kind: 'revoke-claim', claim: 'groups', value: 'devs' }).after,
    ).toEqual(['(no claims: nobody maps to this role)']);
    const noop = planGrant(role(), { kind: 'revoke-claim', claim: 'groups', value: 'x' });
    expect(noop.steps).toEqual([]);
    expect(noop.notes[0]).toMatch(/Nothing to do/);
  });

  it('let role promote to stage: grants promote on that stage only', () => {
    const plan = planGrant(role(), { kind: 'allow-promote', stage: 'staging' });
    expect(plan.steps).toEqual([
      {
        method: 'POST',
        target: 'permissions',
        body: {
          permissions: { resourceType: 'stages', resourceName: 'staging', verbs: ['promote'] },
        },
      },
    ]);
    expect(plan.after).toEqual(['create: promotions', 'promote: stages "staging"']);
  });

  it('adds create on promotions when the role lacks it, and says why', () => {
    const plan = planGrant(role({ rules: [] }), { kind: 'allow-promote', stage: 'staging' });
    expect(
      plan.steps.map((s) => s.target === 'permissions' && s.body.permissions.resourceType),
    ).toEqual(['stages', 'promotions']);
    expect(plan.notes.join(' ')).toMatch(/create/);
  });

  it('stop promoting: revokes the stage cell, and warns when a rule for every stage still allows it', () => {
    const r = role({
      rules: [
        {
          apiGroups: [K],
          resources: ['stages'],
          resourceNames: ['staging'],
          verbs: ['get', 'promote'],
        },
        { apiGroups: [K], resources: ['stages'], verbs: ['*'] },
      ],
    });
    const plan = planGrant(r, { kind: 'deny-promote', stage: 'staging' });
    expect(plan.steps).toHaveLength(1);
    expect(plan.after).toEqual(['all verbs: stages', 'get: stages "staging"']);
    expect(plan.notes.join(' ')).toMatch(/still be able to promote/);
  });
});

describe('preview marks', () => {
  it('marks lines the change adds and removes, leaving the rest as they are', () => {
    const plan = planGrant(role(), { kind: 'grant-claim', claim: 'groups', value: 'qa' });
    expect(markChanges(plan)).toEqual({
      before: [{ text: 'groups: devs', change: 'removed' }],
      after: [{ text: 'groups: devs, qa', change: 'added' }],
    });
    const same = markChanges({ before: ['a', 'b'], after: ['a', 'c'] });
    expect(same.before.map((l) => l.change)).toEqual(['same', 'removed']);
    expect(same.after.map((l) => l.change)).toEqual(['same', 'added']);
  });
});
