import { Router, json } from 'express';
import { type AuthConfig, CSRF_HEADER, LoginRequestSchema } from '@wharf/shared/api';
import { csrfGuard } from './csrf.js';
import { refreshLimiter, signInLimiter } from './sign-in-limits.js';
import { InputError, UnauthorizedError, identityErrorHandler } from './http-errors.js';
import type { Identity } from './identity.js';
import { describeSession, issueSession } from './issue-session.js';
import { oidcRoutes } from './oidc-routes.js';
import { oidcSession } from './oidc-session.js';
import { callerFor, sessionOf } from './resolve-caller.js';
import { UpstreamError } from '../errors/http-errors.js';
import { clearSessionCookie } from './session-cookie.js';
import type { Session } from './session.js';

/** Mounted at /api/v1/auth. */
export function authRouter(id: Identity): Router {
  const r = Router();
  r.use(json({ limit: '32kb' }));
  r.use(csrfGuard(id.config.publicUrl));
  const limiter = signInLimiter(id);

  r.get('/config', (_req, res) => {
    const body: AuthConfig = {
      password: true,
      token: true,
      // Relative to the page's <base href>, so it works under a sub-path.
      oidc: id.oidc ? { loginUrl: 'api/v1/auth/oidc/login' } : false,
      csrfHeader: CSRF_HEADER,
    };
    res.json(body);
  });

  r.post('/login', limiter, async (req, res) => {
    const parsed = LoginRequestSchema.safeParse(req.body);
    if (!parsed.success) {
      throw new InputError(
        'Send {"password": "..."} for the admin, or {"token": "..."} with a Kubernetes bearer token.',
      );
    }
    const session =
      'password' in parsed.data
        ? await adminLogin(id, parsed.data.password)
        : await tokenLogin(id, parsed.data.token);
    const exp = await issueSession(req, res, id, session);
    res.json(await describeSession({ ...session, exp }, await callerFor(session, id)));
  });

  r.get('/me', async (req, res) => {
    const session = await sessionOf(req, id);
    res.json(await describeSession(session, await callerFor(session, id)));
  });

  r.post('/logout', async (req, res) => {
    const raw = await sessionOf(req, id).catch(() => undefined);
    clearSessionCookie(res, id.config.publicUrl);
    // Recorded in Kubernetes, so a copy of this cookie is refused by every replica from now on.
    // Kept until every cookie this sign-in was given so far has expired: a refresh gives a later
    // one the same id, and this may be an earlier copy.
    if (raw) {
      const lastExp = Math.floor(Date.now() / 1000) + id.config.sessionTtlSeconds;
      await id.revocations
        .revoke({ ...raw, exp: Math.max(raw.exp, lastExp) })
        .catch((err: unknown) => {
          const why = err instanceof Error ? err.message : String(err);
          throw new UpstreamError(
            `Signed out of this browser, but Wharf could not record the sign-out (${why}); a copy of the cookie works until it expires.`,
            503,
          );
        });
    }
    const end = raw?.oidc && id.oidc ? await id.oidc.endSessionUrl(raw.oidc.idToken) : undefined;
    res.json({ redirectTo: end ?? '/login' });
  });

  r.post('/refresh', refreshLimiter(id), async (req, res) => {
    const session = await sessionOf(req, id);
    if (!session.oidc || !id.oidc)
      throw new InputError('Only OIDC sessions refresh; sign in again instead.');
    if (!session.oidc.refreshToken)
      throw new UnauthorizedError('The provider issued no refresh token; sign in again.');
    const tokens = await id.oidc.refresh(session.oidc.refreshToken, session.oidc).catch(() => {
      throw new UnauthorizedError('The provider refused to refresh your sign-in; sign in again.');
    });
    const next = oidcSession(tokens, id.oidc.settings.usernameClaim);
    const exp = await issueSession(req, res, id, next, session.sid);
    res.json(await describeSession({ ...next, exp }, await callerFor(next, id)));
  });

  if (id.oidc) r.use('/oidc', oidcRoutes(id, id.oidc, limiter));
  r.use(identityErrorHandler);
  return r;
}

async function adminLogin(id: Identity, password: string): Promise<Session> {
  if (!(await id.checkPassword(password))) throw new UnauthorizedError('Wrong admin password.');
  return {
    method: 'admin',
    username: 'admin',
    actor: 'admin',
    groups: [],
    adminKey: id.adminGeneration,
  };
}

async function tokenLogin(id: Identity, token: string): Promise<Session> {
  const user = await id.tokens.review(token);
  if (!user) {
    throw new UnauthorizedError(
      'Kubernetes did not accept this token (TokenReview); create a fresh one, e.g. with `kubectl create token`.',
    );
  }
  return {
    method: 'kubernetes-token',
    username: user.username,
    actor: `kubernetes:${user.username}`,
    groups: user.groups,
    token,
  };
}
