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
export async function issueSession(
  req: Request,
  res: Response,
  id: Identity,
  session: Session,
  /** A refresh: the id of the sign-in it continues. */
  sid?: string,
) {
  const ttl = id.config.sessionTtlSeconds;
  let value = await id.sealer.sealSession(session, ttl, sid);
  if (!fitsSessionCookie(value) && session.oidc?.idToken) {
    const { idToken: _hint, ...oidc } = session.oidc;
    value = await id.sealer.sealSession({ ...session, oidc }, ttl, sid);
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

/** Refresh a minute before the ID token expires, or halfway through a token shorter than two minutes. */
const REFRESH_LEAD_SECONDS = 60;

/**
 * When the browser should refresh an ID token that expires at `expiresAt` (epoch seconds) and came
 * at `receivedAtMs`. A fixed lead alone would, for a token shorter than the lead, ask for a refresh
 * before the token was even issued: the browser would refresh again at once, in a loop.
 */
export function refreshAtOf(expiresAt: number, receivedAtMs: number): Date {
  const lifetime = expiresAt - receivedAtMs / 1000;
  const lead = Math.min(REFRESH_LEAD_SECONDS, Math.max(lifetime, 0) / 2);
  return new Date((expiresAt - lead) * 1000);
}

export async function describeSession(
  /** `issuedAt` (epoch ms): when the session was sealed; omitted, now (it was just issued). */
  session: Session & { exp: number; issuedAt?: number },
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
      ? {
          refreshAt: refreshAtOf(
            session.oidc.expiresAt,
            session.issuedAt ?? Date.now(),
          ).toISOString(),
        }
      : {}),
  };
}
