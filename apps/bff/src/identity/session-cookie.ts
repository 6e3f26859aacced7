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

/** Browsers keep about 4 KB per cookie: a longer session is split into numbered pieces. */
const CHUNK = 3800;
/** At most this many pieces (about 11 KB): with the rest of a request, under Node's 16 KB of headers. */
export const MAX_SESSION_CHUNKS = 3;
const piece = (i: number) => (i === 0 ? SESSION_COOKIE : `${SESSION_COOKIE}.${i}`);

/** The sealed session, joined from its pieces; undefined when there is none. */
export function readSessionCookie(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  const jar = parse(header);
  let value = jar[piece(0)];
  if (!value) return undefined;
  for (let i = 1; i < MAX_SESSION_CHUNKS && jar[piece(i)]; i++) value += jar[piece(i)];
  return value;
}

/** Writes the sealed session in as many pieces as it needs, clearing pieces a longer one left. */
export function writeSessionCookie(
  req: Request,
  res: Response,
  value: string,
  options: CookieOptions,
  publicUrl: URL | undefined,
) {
  const count = Math.ceil(value.length / CHUNK);
  for (let i = 0; i < count; i++)
    res.cookie(piece(i), value.slice(i * CHUNK, (i + 1) * CHUNK), options);
  const jar = req.headers.cookie ? parse(req.headers.cookie) : {};
  for (let i = count; i < MAX_SESSION_CHUNKS; i++)
    if (jar[piece(i)]) clearCookie(res, piece(i), publicUrl);
}

/** Whether a sealed session fits the pieces a browser will keep and send. */
export const fitsSessionCookie = (value: string) => value.length <= CHUNK * MAX_SESSION_CHUNKS;

export function clearSessionCookie(res: Response, publicUrl: URL | undefined) {
  for (let i = 0; i < MAX_SESSION_CHUNKS; i++) clearCookie(res, piece(i), publicUrl);
}
