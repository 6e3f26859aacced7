import { oidcActor } from './callers.js';
import type { OidcTokens } from './oidc-client.js';
import type { Session, SessionClaims } from './session.js';

/** An OIDC user's groups: the `groups` claim. */
export const groupsOf = (claims: SessionClaims): string[] =>
  Array.isArray(claims.groups) ? claims.groups : [];

/** The session of an OIDC user: the username claim names them; all other claims feed role mapping. */
export function oidcSession(tokens: OidcTokens, usernameClaim: string): Session {
  const { claims } = tokens;
  const named = claims[usernameClaim];
  const sub = claims.sub;
  const username = typeof named === 'string' ? named : typeof sub === 'string' ? sub : '';
  const email = typeof claims.email === 'string' ? claims.email : undefined;
  return {
    method: 'oidc',
    username,
    actor: oidcActor(claims, usernameClaim),
    groups: groupsOf(claims),
    ...(email ? { email } : {}),
    oidc: {
      claims,
      expiresAt: tokens.expiresAt,
      ...(tokens.idToken ? { idToken: tokens.idToken } : {}),
      ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
    },
  };
}
