import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_ADMIN_PASSWORD } from './sign-in.js';

/** Where the PID of the app under test is kept, so a spec can restart it and teardown still stops it. */
export const pidFile = (dataDir: string) => join(dataDir, 'e2e-bff.pid');

const ROOT = join(import.meta.dirname, '..', '..');

/** Starts the built app (as `npm start` runs it) on `port` with `dataDir`, recording its PID. */
export function spawnBff(
  port: number,
  dataDir: string,
  extraEnv: Record<string, string> = {},
): ReturnType<typeof spawn> {
  const child = spawn(process.execPath, ['--enable-source-maps', 'apps/bff/dist/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      WHARF_DATA_DIR: dataDir,
      WHARF_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
      // Every spec signs in from 127.0.0.1; the 429 itself is tested in apps/bff/test/identity.
      WHARF_LOGIN_RATE_LIMIT: '1000',
      LOG_LEVEL: 'warn',
      // With the global setup's OIDC provider, redirects come back to this very app.
      ...(process.env.WHARF_OIDC_ISSUER ? { WHARF_PUBLIC_URL: `http://127.0.0.1:${port}` } : {}),
      ...extraEnv,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (child.pid) writeFileSync(pidFile(dataDir), String(child.pid));
  return child;
}

export async function waitHealthy(
  url: string,
  isDead: () => boolean,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (isDead()) throw new Error('the app exited before serving');
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`the app did not serve ${url}/healthz in time`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Stops the running app (whichever process the PID file names) and waits until it is gone. */
export async function stopBff(dataDir: string): Promise<void> {
  const pid = Number(readFileSync(pidFile(dataDir), 'utf8'));
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let i = 0; i < 150; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  process.kill(pid, 'SIGKILL');
}
