import type { CookieOptions, Request, Response } from 'express';
import { parse } from 'cookie';

export const SESSION_COOKIE = 'wharf_session';
export const OIDC_FLOW_COOKIE = 'wharf_oidc';

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  return header ? parse(header)[name] : undefined;
}

/** httpOnly, SameSite=Lax, Secure when the browser reaches Wharf over https. */
export function cookieOptions(
  req: Request,
  publicUrl: URL | undefined,
  maxAgeMs: number,
): CookieOptions {
  const secure = publicUrl ? publicUrl.protocol === 'https:' : req.secure;
  return { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: maxAgeMs };
}

export function clearCookie(res: Response, name: string) {
  res.clearCookie(name, { path: '/', httpOnly: true, sameSite: 'lax' });
}
