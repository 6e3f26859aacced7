import type { Request, Response } from 'express';
import type { AuthMe } from '@wharf/shared/api';
import type { IdentityCaller } from './callers.js';
import type { Identity } from './identity.js';
import { OIDC_GRACE_SECONDS } from './resolve-caller.js';
import { SESSION_COOKIE, cookieOptions } from './session-cookie.js';
import type { Session } from './session.js';

/** Seals the session into the cookie. OIDC sessions end when the refresh token can no longer renew them. */
export async function issueSession(req: Request, res: Response, id: Identity, session: Session) {
  const ttl = id.config.sessionTtlSeconds;
  const value = await id.sealer.sealSession(session, ttl);
  res.cookie(SESSION_COOKIE, value, cookieOptions(req, id.config.publicUrl, ttl * 1000));
  return Math.floor(Date.now() / 1000) + ttl;
}

export async function describeSession(
  session: Session & { exp: number },
  caller: IdentityCaller,
): Promise<AuthMe> {
  const oidcEnd = session.oidc ? session.oidc.expiresAt + OIDC_GRACE_SECONDS : Infinity;
  return {
    actor: session.actor,
    username: session.username,
    method: session.method,
    ...(session.email ? { email: session.email } : {}),
    groups: session.groups,
    roles: await caller.roles(),
    expiresAt: new Date(Math.min(session.exp, oidcEnd) * 1000).toISOString(),
    ...(session.oidc
      ? { refreshAt: new Date((session.oidc.expiresAt - 60) * 1000).toISOString() }
      : {}),
  };
}
