import { type RequestHandler, Router } from 'express';
import * as client from 'openid-client';
import { z } from 'zod';
import { basePathOf } from '../ops/public-url.js';
import { UnauthorizedError } from './http-errors.js';
import type { Identity } from './identity.js';
import { issueSession } from './issue-session.js';
import { type OidcClient, providerRefusal } from './oidc-client.js';
import { oidcSession } from './oidc-session.js';
import { OIDC_FLOW_COOKIE, clearCookie, cookieOptions, readCookie } from './session-cookie.js';

const FLOW_PURPOSE = 'wharf-oidc-flow';
const FLOW_TTL_SECONDS = 600;
const FlowSchema = z.object({
  verifier: z.string(),
  state: z.string(),
  nonce: z.string(),
  returnTo: z.string(),
});

/** Only same-site paths, so the login cannot be turned into an open redirect. */
function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/';
}

/** Authorization code + PKCE. The verifier, state and nonce travel in a sealed, short-lived cookie. */
export function oidcRoutes(id: Identity, oidc: OidcClient, limiter: RequestHandler): Router {
  const r = Router();

  r.get('/login', limiter, async (req, res) => {
    const flow = {
      verifier: client.randomPKCECodeVerifier(),
      state: client.randomState(),
      nonce: client.randomNonce(),
      returnTo: safeReturnTo(req.query.returnTo),
    };
    const url = await oidc.authorizationUrl(flow);
    const sealed = await id.sealer.seal(flow, FLOW_TTL_SECONDS, FLOW_PURPOSE);
    res.cookie(
      OIDC_FLOW_COOKIE,
      sealed,
      cookieOptions(req, id.config.publicUrl, FLOW_TTL_SECONDS * 1000),
    );
    res.redirect(302, url.href);
  });

  r.get('/callback', limiter, async (req, res) => {
    const raw = readCookie(req, OIDC_FLOW_COOKIE);
    const flow = FlowSchema.safeParse(raw ? await id.sealer.open(raw, FLOW_PURPOSE) : undefined);
    clearCookie(res, OIDC_FLOW_COOKIE, id.config.publicUrl);
    if (!flow.success) {
      throw new UnauthorizedError(
        'The sign-in took too long or did not start here; start it again.',
      );
    }
    const base = id.config.oidc?.redirectUri ?? '';
    const callbackUrl = new URL(base);
    callbackUrl.search = new URL(req.originalUrl, base).search;
    const tokens = await oidc.exchangeCode(callbackUrl, flow.data).catch((err: unknown) => {
      throw new UnauthorizedError(`The identity provider sign-in failed: ${providerRefusal(err)}`);
    });
    await issueSession(req, res, id, oidcSession(tokens, oidc.settings.usernameClaim));
    // returnTo is a path of the app, which lives under the public URL's path.
    res.redirect(302, `${basePathOf(id.config.publicUrl)}${flow.data.returnTo}`);
  });

  return r;
}
