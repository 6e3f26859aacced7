import { createHmac, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where the generated admin password's hash is kept, in the data dir. */
export const HASH_FILE = 'admin-password.hash';
const PARAMS = { N: 16384, r: 8, p: 1, keylen: 32 } as const;

function derive(password: string, salt: Buffer, o: ScryptOptions & { keylen: number }) {
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(password, salt, o.keylen, { N: o.N, r: o.r, p: o.p }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/** `scrypt$N$r$p$salt$hash`, salt and hash base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, PARAMS);
  const { N, r, p } = PARAMS;
  return ['scrypt', N, r, p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = encoded.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    keylen: expected.length,
  });
  return timingSafeEqual(actual, expected);
}

export type PasswordCheck = (password: string) => Promise<boolean>;

export interface AdminPassword {
  check: PasswordCheck;
  /**
   * Changes whenever the password does (and only then). Sealed into admin sessions, so a new
   * password ends every admin session issued before it. Keyed with the session key: it says
   * nothing about the password to anyone without that key.
   */
  generation: string;
}

/**
 * The admin password check. WHARF_ADMIN_PASSWORD wins; otherwise the hash in the data dir;
 * otherwise a password is generated, its hash stored, and the password logged this once.
 */
export async function loadAdminPassword(opts: {
  dataDir: string;
  configured?: string;
  announce: (message: string) => void;
  sessionKey: Uint8Array;
  /** Where the generated password's hash is shared by every replica (Wharf's Secret). */
  shared?: (announce: (message: string) => void) => Promise<string>;
}): Promise<AdminPassword> {
  // A configured password is hashed with a new salt at every start: its generation comes from
  // the password itself, a stored hash's from the hash.
  const stored = opts.configured
    ? undefined
    : await (opts.shared?.(opts.announce) ?? readOrCreateHash(opts.dataDir, opts.announce));
  const encoded = stored ?? (await hashPassword(opts.configured ?? ''));
  const generation = createHmac('sha256', opts.sessionKey)
    .update(`wharf-admin-password\0${opts.configured ?? stored ?? ''}`)
    .digest('base64url')
    .slice(0, 22);
  return { check: (password) => verifyPassword(password, encoded), generation };
}

export async function readOrCreateHash(dataDir: string, announce: (m: string) => void) {
  const file = join(dataDir, HASH_FILE);
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  await mkdir(dataDir, { recursive: true });
  const password = randomBytes(18).toString('base64url');
  const encoded = await hashPassword(password);
  await writeFile(file, `${encoded}\n`, { mode: 0o600, flag: 'wx' });
  announce(
    `Generated the admin password (shown once; its hash is in ${HASH_FILE} in the data dir; ` +
      `delete that file to generate a new one): ${password}`,
  );
  return encoded;
}
