import type { KubeConfig } from '@kubernetes/client-node';
import type { Request } from 'express';
import type { AccessReviewer } from './access-reviewer.js';
import type { AccessCheck } from './caller-seam.js';
import { type IdentityCaller, adminCaller, oidcCaller, tokenCaller } from './callers.js';
import { AccessDeniedError, UnauthorizedError } from './http-errors.js';
import type { RoleMapper } from './role-directory.js';
import { CREDENTIALS_REFUSED } from '../kube/kube-api-error.js';
import { readSessionCookie } from './session-cookie.js';
import type { SessionRevocations } from './session-revocations.js';
import type { OpenedSession, Session, SessionSealer } from './session.js';
import type { TokenReviewer } from './token-review.js';

/** Seconds an OIDC session outlives its ID token, to give the browser time to refresh. */
export const OIDC_GRACE_SECONDS = 120;

export interface CallerDeps {
  kubeConfig: KubeConfig;
  reviewer: AccessReviewer;
  mapper: RoleMapper;
  sealer: SessionSealer;
  /** Sign-outs every replica has recorded; a revoked cookie is refused. */
  revocations: SessionRevocations;
  /** The admin password's generation now; admin sessions of another one are refused. */
  adminGeneration: string;
  tokens: TokenReviewer;
  adminImpersonateUser?: string;
  now?: () => number;
}

/**
 * Opens the session cookie; throws UnauthorizedError when absent, tampered with, expired,
 * signed out, or (admin) issued before the password changed.
 */
export async function sessionOf(req: Request, deps: CallerDeps): Promise<OpenedSession> {
  const raw = readSessionCookie(req);
  if (!raw) throw new UnauthorizedError();
  const session = await deps.sealer.openSession(raw);
  if (!session)
    throw new UnauthorizedError('Your session is invalid or has expired; sign in again.');
  const nowS = Math.floor((deps.now ?? Date.now)() / 1000);
  if (session.oidc && session.oidc.expiresAt + OIDC_GRACE_SECONDS < nowS) {
    throw new UnauthorizedError('Your sign-in has expired and was not refreshed; sign in again.');
  }
  if (session.method === 'admin' && session.adminKey !== deps.adminGeneration) {
    throw new UnauthorizedError('The admin password changed since you signed in; sign in again.');
  }
  if (await deps.revocations.isRevoked(session)) {
    throw new UnauthorizedError('This session was signed out; sign in again.');
  }
  return session;
}

export async function callerFor(session: Session, deps: CallerDeps): Promise<IdentityCaller> {
  const { kubeConfig: base, reviewer } = deps;
  switch (session.method) {
    case 'admin':
      return adminCaller(base, reviewer, deps.adminImpersonateUser);
    case 'kubernetes-token':
      if (!session.token)
        throw new UnauthorizedError('Token session without a token; sign in again.');
      if (!(await deps.tokens.review(session.token)))
        throw new UnauthorizedError(CREDENTIALS_REFUSED);
      return tokenCaller(base, reviewer, session.username, session.token);
    case 'oidc':
      return oidcCaller({
        base,
        reviewer,
        mapper: deps.mapper,
        actor: session.actor,
        claims: session.oidc?.claims ?? {},
        roles: await deps.mapper(session.oidc?.claims ?? {}),
      });
  }
}

/** The CallerResolver the BFF's createApp takes. */
export function createCallerResolver(deps: CallerDeps) {
  return async (req: Request): Promise<IdentityCaller> =>
    callerFor(await sessionOf(req, deps), deps);
}

/** Throws a 403 naming what was missing and the caller's mapped roles. */
export async function requireAllowed(caller: IdentityCaller, check: AccessCheck): Promise<void> {
  const d = await caller.authorize(check);
  if (d.allowed) return;
  const roles = await caller.roles();
  throw new AccessDeniedError(d.reason, {
    missing: check,
    actor: caller.actor,
    roles: roles.map((r) => `${r.project}/${r.name}`),
  });
}
