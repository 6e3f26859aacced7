import { ACTOR_PREFIXES } from '@wharf/shared';

export interface RequestUser {
  username: string;
  groups: string[];
}

/** Says whether a request comes from Kargo's control plane, which may name someone else as actor. */
export type ControlPlaneTest = (user: RequestUser) => boolean;

/**
 * Kargo's webhooks trust a claimed actor only from users matching CONTROLPLANE_USER_REGEX (an
 * unanchored match on the username, as Go's `Regexp.Match`). The embedded cluster also trusts
 * `system:masters` (the embedded BFF and controllers act as its admin). An invalid pattern throws
 * here, at start, as Kargo's `regexp.MustCompile` does.
 */
export function controlPlaneTest(userRegex?: string): ControlPlaneTest {
  const pattern = userRegex ? new RegExp(userRegex) : undefined;
  return (user) =>
    user.groups.includes('system:masters') || (pattern?.test(user.username) ?? false);
}

const MASTERS_ONLY = controlPlaneTest();

/**
 * The actor recorded for a request, in Kargo's format: a control-plane caller's own claim is kept
 * (it acts on a user's behalf); anyone else is `kubernetes:<username>`, ServiceAccounts included
 * (`kubernetes:system:serviceaccount:<ns>:<name>`), so a caller cannot spoof another identity.
 */
export function actorFor(
  user: RequestUser,
  claimed: string | undefined,
  isControlPlane: ControlPlaneTest = MASTERS_ONLY,
): string {
  if (claimed && isControlPlane(user)) return claimed;
  if (user.groups.includes('system:masters') && user.username === 'admin') return 'admin';
  return `${ACTOR_PREFIXES.kubernetes}${user.username}`;
}
