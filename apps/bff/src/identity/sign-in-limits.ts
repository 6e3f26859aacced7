import type { Request, RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Identity } from './identity.js';
import { sessionOf } from './resolve-caller.js';

const WINDOW_MS = 60_000;

const tooMany =
  (message: string) =>
  (_req: Request, res: Response): void => {
    res.status(429).json({ error: { name: 'TooManyRequests', message }, request: '' });
  };

/**
 * Failed sign-ins (wrong password, refused token, failed SSO callback) per client address per
 * minute. The address is `req.ip`: behind a proxy, with `trust proxy` set to it (hop count or
 * addresses), the client address the proxy appended to X-Forwarded-For, not the proxy's own nor
 * one the client wrote there itself. Only failures count: colleagues behind one office address or
 * proxy who sign in successfully do not use up each other's attempts. Kept in this replica's
 * memory: with N replicas round-robin, a guesser gets up to N times the limit (docs/security.md).
 */
export function signInLimiter(id: Identity): RequestHandler {
  return rateLimit({
    windowMs: WINDOW_MS,
    limit: id.loginRateLimit,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: tooMany('Too many failed sign-in attempts; wait a minute and retry.'),
  });
}

/**
 * Refreshes per sign-in per minute, keyed by the session, not the address: a refresh needs a
 * valid session already, and keyed by address, one guesser behind a shared address would stop
 * everyone else's refresh and sign them out.
 */
export function refreshLimiter(id: Identity): RequestHandler {
  return rateLimit({
    windowMs: WINDOW_MS,
    limit: id.loginRateLimit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // An invalid session is answered 401 by the route itself; it is counted under one key.
    keyGenerator: async (req) =>
      `sid:${(await sessionOf(req, id).catch(() => undefined))?.sid ?? '-'}`,
    handler: tooMany('Too many refreshes of this sign-in; wait a minute and retry.'),
  });
}
