import { randomBytes, hkdfSync } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const KEY_FILE = 'session.key';

/** The 256-bit cookie encryption key derived from one configured or stored secret. */
export function deriveSessionKey(secret: string): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', secret, 'wharf', 'session-cookie-a256gcm', 32));
}

/**
 * The key from WHARF_SESSION_KEY, else one generated into the data dir at first start and reused
 * (a single instance without a cluster Secret; replicas share Wharf's Secret instead).
 */
export async function loadSessionKey(dataDir: string, configured?: string): Promise<Uint8Array> {
  return deriveSessionKey(configured ?? (await readOrCreateSecret(dataDir)));
}

async function readOrCreateSecret(dataDir: string): Promise<string> {
  const file = join(dataDir, KEY_FILE);
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (err) {
    if (!isMissing(err)) throw err;
  }
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (err) {
    // Another process won the race: use its key.
    if (isExists(err)) return (await readFile(file, 'utf8')).trim();
    throw err;
  }
}

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';
const isExists = (err: unknown) => (err as NodeJS.ErrnoException).code === 'EEXIST';
