import type { Request, RequestHandler } from 'express';
import { CSRF_HEADER } from '@wharf/shared/api';
import { ForbiddenError } from './http-errors.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const SAME_SITE_FETCH = new Set(['same-origin', 'none']);

/**
 * Why a browser request comes from another site or origin, or undefined when it does not: its
 * `Sec-Fetch-Site` and `Origin` must name this very origin (requests without them are not from
 * a browser page). The one check for state-changing REST calls and socket handshakes alike.
 */
export function crossSiteRefusal(req: Request, publicUrl?: URL): string | undefined {
  const site = req.get('sec-fetch-site');
  if (site && !SAME_SITE_FETCH.has(site)) {
    return `Cross-site request refused (Sec-Fetch-Site: ${site}).`;
  }
  const origin = req.get('origin');
  // req.protocol and req.host follow X-Forwarded-Proto/-Host from trusted proxies only.
  const expected = publicUrl?.origin ?? `${req.protocol}://${req.host}`;
  if (origin && origin !== expected) {
    return `Cross-site request refused: Origin ${origin} is not ${expected}.`;
  }
  return undefined;
}

/**
 * Refuses cross-site state changes on /api, three ways: the session cookie is SameSite=Lax;
 * a browser's `Sec-Fetch-Site` and `Origin` must name this origin; and every unsafe call must
 * carry `x-wharf-csrf: 1`, which no form can send and no cross-origin script can send
 * without a CORS preflight that Wharf never grants.
 */
export function csrfGuard(publicUrl?: URL): RequestHandler {
  return (req, _res, next) => {
    if (SAFE.has(req.method)) return next();
    const refusal = crossSiteRefusal(req, publicUrl);
    if (refusal) return next(new ForbiddenError(refusal));
    if (req.get(CSRF_HEADER) !== '1') {
      return next(
        new ForbiddenError(`State-changing API calls must send the header "${CSRF_HEADER}: 1".`),
      );
    }
    next();
  };
}
