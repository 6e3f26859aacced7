import { randomBytes, hkdfSync } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const KEY_FILE = 'session.key';

/**
 * The 256-bit key that encrypts session cookies. Replicas must share it (set WHARF_SESSION_KEY);
 * a single instance generates one into its data dir at first start and reuses it.
 */
export async function loadSessionKey(dataDir: string, configured?: string): Promise<Uint8Array> {
  const secret = configured ?? (await readOrCreateSecret(dataDir));
  return new Uint8Array(hkdfSync('sha256', secret, 'wharf', 'session-cookie-a256gcm', 32));
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
