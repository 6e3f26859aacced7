import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnBff, stopBff, waitHealthy } from './bff-process.js';
import { freePort } from '@wharf/test-support';
import { OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, startE2eOidcProvider } from './oidc-provider.js';
import { ADMIN_STATE, storeAdminSession } from './sign-in.js';

/**
 * Starts the test OpenID Provider, then the built app (as `npm start` runs it) on a free port with
 * a throwaway data dir and single sign-on through that provider.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'wharf-e2e-'));
  const url = `http://127.0.0.1:${port}`;
  // The test OpenID Provider runs first: the app discovers it at start.
  const oidc = await startE2eOidcProvider(url);
  process.env.WHARF_OIDC_ISSUER = oidc.issuer;
  process.env.WHARF_OIDC_CLIENT_ID = OIDC_CLIENT_ID;
  process.env.WHARF_OIDC_CLIENT_SECRET = OIDC_CLIENT_SECRET;
  const child = spawnBff(port, dataDir);
  await waitHealthy(url, () => child.exitCode !== null);
  await storeAdminSession(url);
  process.env.WHARF_E2E_URL = url;
  process.env.WHARF_E2E_DATA_DIR = dataDir;
  process.env.WHARF_E2E_PORT = String(port);
  return async () => {
    // A spec may have restarted the app: stop whichever process runs now.
    await stopBff(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(ADMIN_STATE, { force: true });
    await oidc.close();
  };
}
