import { randomBytes } from 'node:crypto';
import type { OwnSecret } from '../own-state/own-secret.js';
import { hashPassword } from './admin-password.js';

/** Keys of Wharf's Secret (WHARF_SECRET) that replicas share, as Argo CD keeps server.secretkey. */
export const SESSION_KEYS = 'session-keys';
export const ADMIN_PASSWORD_HASH = 'admin-password-hash';

/** A session key list: one secret per line, newest first (it seals; all of them open). */
export function parseKeyList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((k) => k.trim())
    .filter(Boolean);
}

/**
 * The session keys every replica uses, from Wharf's Secret: created with one random key by the
 * first replica to start (create-if-absent, so replicas starting at once agree). To rotate, put
 * a new key on the first line of `session-keys` and restart; remove the old line once sessions
 * sealed with it have expired (a day).
 */
export async function sharedSessionKeys(secret: OwnSecret): Promise<string[]> {
  await secret.synced(15_000);
  const held = secret.data()?.[SESSION_KEYS];
  const data = held
    ? { [SESSION_KEYS]: held }
    : await secret.ensure({ [SESSION_KEYS]: randomBytes(32).toString('base64url') });
  const keys = parseKeyList(data[SESSION_KEYS] ?? '');
  if (keys.length === 0) throw new Error(`${secret.name}/${SESSION_KEYS} holds no key.`);
  return keys;
}

/**
 * The admin password's hash from Wharf's Secret. The first replica generates a password, stores
 * its hash and announces it once; the others (and later starts) use the stored hash. Delete the
 * key to generate a new password.
 */
export async function sharedAdminHash(
  secret: OwnSecret,
  announce: (message: string) => void,
): Promise<string> {
  await secret.synced(15_000);
  const held = secret.data()?.[ADMIN_PASSWORD_HASH];
  if (held) return held;
  const password = randomBytes(18).toString('base64url');
  const mine = await hashPassword(password);
  const stored = (await secret.ensure({ [ADMIN_PASSWORD_HASH]: mine }))[ADMIN_PASSWORD_HASH];
  if (stored === mine) {
    announce(
      `Generated the admin password (shown once; its hash is in Secret ${secret.namespace}/${secret.name}, ` +
        `key ${ADMIN_PASSWORD_HASH}; delete that key to generate a new one): ${password}`,
    );
  }
  return stored ?? mine;
}
