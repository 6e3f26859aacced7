import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

type WithNonce = ServerResponse & { locals?: { cspNonce?: string } };
const nonceOf = (_req: IncomingMessage, res: ServerResponse) =>
  `'nonce-${(res as WithNonce).locals?.cspNonce ?? ''}'`;

/**
 * No inline script at all, no eval, nothing from another origin. Styles only from the app's own
 * files or a `<style>` carrying this response's nonce (emotion, which MUI uses, adds it).
 * Inline `style` attributes stay blocked; React sets styles through the CSSOM, which CSP allows.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", nonceOf],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** helmet's headers with the strict policy above, and a fresh nonce for every response. */
export function securityHeaders(): RequestHandler[] {
  const nonce: RequestHandler = (_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64');
    next();
  };
  return [
    nonce,
    helmet({ contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES } }),
  ];
}
