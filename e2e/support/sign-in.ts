import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The admin password the app under test is started with. */
export const E2E_ADMIN_PASSWORD = 'e2e-admin-password-not-secret';

// One file per Playwright run: runs started at the same time on one machine (each with its own
// app and session key) must not read each other's session. Workers inherit the runner's value.
const run = (process.env.WHARF_E2E_RUN ??= String(process.pid));

/** Where the signed-in admin session is stored; specs start from it unless they opt out. */
export const ADMIN_STATE = join(import.meta.dirname, '..', '.auth', `admin-${run}.json`);

/**
 * Signs in as admin over HTTP, as the login page does (CSRF header, same origin), and stores the
 * session cookie as Playwright storage state, so each spec starts signed in without the form.
 */
export async function storeAdminSession(url: string): Promise<void> {
  mkdirSync(dirname(ADMIN_STATE), { recursive: true });
  writeFileSync(ADMIN_STATE, JSON.stringify(await adminSession(url), null, 2));
}

/** Playwright storage state of an admin signed in to the app at `url`. */
export async function adminSession(url: string) {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wharf-csrf': '1', origin: url },
    body: JSON.stringify({ password: E2E_ADMIN_PASSWORD }),
  });
  if (!res.ok) throw new Error(`admin sign-in answered ${res.status}: ${await res.text()}`);
  const host = new URL(url).hostname;
  const cookies = res.headers.getSetCookie().map((header) => {
    const [pair = ''] = header.split(';');
    const at = pair.indexOf('=');
    return {
      name: pair.slice(0, at).trim(),
      value: pair.slice(at + 1).trim(),
      domain: host,
      path: '/',
      expires: -1,
      httpOnly: /;\s*httponly/i.test(header),
      secure: false,
      sameSite: 'Lax' as const,
    };
  });
  if (cookies.length === 0) throw new Error('admin sign-in set no session cookie');
  return { cookies, origins: [] };
}
