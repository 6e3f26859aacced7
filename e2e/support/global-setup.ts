import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnBff, stopBff, waitHealthy } from './bff-process.js';
import { freePort } from './free-port.js';
import { storeAdminSession } from './sign-in.js';

/** Starts the built app (as `npm start` runs it) on a free port with a throwaway data dir. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'wharf-e2e-'));
  const child = spawnBff(port, dataDir);
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(url, () => child.exitCode !== null);
  await storeAdminSession(url);
  process.env.WHARF_E2E_URL = url;
  process.env.WHARF_E2E_DATA_DIR = dataDir;
  process.env.WHARF_E2E_PORT = String(port);
  return async () => {
    // A spec may have restarted the app: stop whichever process runs now.
    await stopBff(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
  };
}
