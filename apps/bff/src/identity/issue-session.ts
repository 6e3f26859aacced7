import type { Request, Response } from 'express';
import type { AuthMe } from '@wharf/shared/api';
import type { IdentityCaller } from './callers.js';
import type { Identity } from './identity.js';
import { OIDC_GRACE_SECONDS } from './resolve-caller.js';
import { UnauthorizedError } from './http-errors.js';
import { cookieOptions, fitsSessionCookie, writeSessionCookie } from './session-cookie.js';
import type { Session } from './session.js';

/**
 * Seals the session into the cookie (in pieces when it is long). An identity provider whose
 * claims are too large for that even without the ID token (kept only for the sign-out hint) is
 * refused with a reason rather than given a cookie the browser would drop. OIDC sessions end when
 * the refresh token can no longer renew them.
 */
export async function issueSession(req: Request, res: Response, id: Identity, session: Session) {
  const ttl = id.config.sessionTtlSeconds;
  let value = await id.sealer.sealSession(session, ttl);
  if (!fitsSessionCookie(value) && session.oidc?.idToken) {
    const { idToken: _hint, ...oidc } = session.oidc;
    value = await id.sealer.sealSession({ ...session, oidc }, ttl);
  }
  if (!fitsSessionCookie(value)) {
    const groups = session.groups.length;
    throw new UnauthorizedError(
      `Your identity provider sent more claims than a session can hold (${Math.round(value.length / 1024)} KB sealed, ${groups} groups); ask its admin to send fewer groups to Wharf.`,
    );
  }
  const options = cookieOptions(req, id.config.publicUrl, ttl * 1000);
  writeSessionCookie(req, res, value, options, id.config.publicUrl);
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
