import { ACTOR_PREFIXES } from '@wharf/shared';

export interface RequestUser {
  username: string;
  groups: string[];
}

/** Requests from cluster superusers (the BFF acting for a user, the controllers) may name the actor. */
export function isControlPlane(user: RequestUser): boolean {
  return user.groups.includes('system:masters');
}

/**
 * The actor recorded for a request, in Kargo's format: a control-plane caller's own claim is kept
 * (it acts on a user's behalf); anyone else is `kubernetes:<username>`, ServiceAccounts included
 * (`kubernetes:system:serviceaccount:<ns>:<name>`), so a caller cannot spoof another identity.
 */
export function actorFor(user: RequestUser, claimed: string | undefined): string {
  if (claimed && isControlPlane(user)) return claimed;
  if (isControlPlane(user) && user.username === 'admin') return 'admin';
  return `${ACTOR_PREFIXES.kubernetes}${user.username}`;
}
