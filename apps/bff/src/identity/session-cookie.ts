import type { CookieOptions, Request, Response } from 'express';
import { parse } from 'cookie';

export const SESSION_COOKIE = 'wharf_session';
export const OIDC_FLOW_COOKIE = 'wharf_oidc';

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  return header ? parse(header)[name] : undefined;
}

/** Cookies belong to Wharf's path only (`/wharf/` under a sub-path), not to its neighbours'. */
const cookiePath = (publicUrl: URL | undefined) => publicUrl?.pathname ?? '/';

/**
 * httpOnly, SameSite=Lax, Secure when the browser reaches Wharf over https: as WHARF_PUBLIC_URL
 * says, or else as the request (or a trusted proxy's X-Forwarded-Proto) says.
 */
export function cookieOptions(
  req: Request,
  publicUrl: URL | undefined,
  maxAgeMs: number,
): CookieOptions {
  const secure = publicUrl ? publicUrl.protocol === 'https:' : req.secure;
  return { httpOnly: true, sameSite: 'lax', secure, path: cookiePath(publicUrl), maxAge: maxAgeMs };
}

export function clearCookie(res: Response, name: string, publicUrl: URL | undefined) {
  res.clearCookie(name, { path: cookiePath(publicUrl), httpOnly: true, sameSite: 'lax' });
}
