import { describe, expect, it } from 'vitest';
import { actorFor, controlPlaneTest } from '../src/admission/actor.js';

// Kargo's chart default plus Wharf's ServiceAccount, as deploy/rbac/README.md tells operators.
const REGEX =
  '^system:serviceaccount:(kargo:(kargo-api|kargo-controller|kargo-garbage-collector|kargo-management-controller)|wharf:wharf)$';
const wharf = { username: 'system:serviceaccount:wharf:wharf', groups: ['system:serviceaccounts'] };
const promoter = {
  username: 'system:serviceaccount:echo-server:kargo-promoter',
  groups: ['system:serviceaccounts'],
};

describe("the stand-in webhook's control plane, as Kargo's CONTROLPLANE_USER_REGEX", () => {
  it('keeps the actor a matching username claims: Wharf creating a Promotion for an SSO user', () => {
    expect(actorFor(wharf, 'email:pat@example.com', controlPlaneTest(REGEX))).toBe(
      'email:pat@example.com',
    );
  });

  it('records kubernetes:<username> for a username the regex does not match, whatever it claims', () => {
    expect(actorFor(promoter, 'email:pat@example.com', controlPlaneTest(REGEX))).toBe(
      'kubernetes:system:serviceaccount:echo-server:kargo-promoter',
    );
    // A lookalike name is not the control plane: the match is on the whole username here.
    const lookalike = { ...wharf, username: 'system:serviceaccount:wharf:wharf-evil' };
    expect(actorFor(lookalike, 'admin', controlPlaneTest(REGEX))).toBe(
      'kubernetes:system:serviceaccount:wharf:wharf-evil',
    );
  });

  it('without the regex keeps claims only from system:masters, so Wharf is recorded as itself', () => {
    expect(actorFor(wharf, 'email:pat@example.com', controlPlaneTest())).toBe(
      'kubernetes:system:serviceaccount:wharf:wharf',
    );
    expect(
      actorFor({ username: 'bff', groups: ['system:masters'] }, 'subject:123', controlPlaneTest()),
    ).toBe('subject:123');
  });

  it('matches anywhere in the username unless anchored, as Go regexp.Match does', () => {
    expect(controlPlaneTest('wharf')(wharf)).toBe(true);
    expect(controlPlaneTest('^wharf$')(wharf)).toBe(false);
  });

  it('refuses an invalid pattern at start, as Kargo does', () => {
    expect(() => controlPlaneTest('(unclosed')).toThrow();
  });
});
