import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BffProcess {
  url: string;
  port: number;
  pid: number;
  /** Session cookie of the signed-in admin (`name=value`). */
  cookie: string;
  /** Seconds from start until ready (every informer listed). */
  readySeconds: number;
  /** Resident and peak resident memory of the BFF process, in MB. */
  memory(): { rssMb: number; peakRssMb: number };
  /** CPU seconds the BFF process has used so far. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

const PASSWORD = 'bench-admin-password';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

function statusField(pid: number, field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
    readFileSync(`/proc/${pid}/status`, 'utf8'),
  );
  return Number(m?.[1] ?? NaN) / 1024;
}

async function waitReady(url: string, timeoutMs = 600_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ok = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > until) throw new Error(`BFF at ${url} not ready in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The BFF as an operator runs it: `apps/bff/dist/main.js` with KUBECONFIG (kubeconfig mode),
 * sign-in on, in its own process so its memory and CPU are its own. Signs the admin in.
 */
export async function startBff(opts: {
  root: string;
  kubeconfig: string;
  webDist?: string;
}): Promise<BffProcess> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'wharf-scale-bff-'));
  // BFF_NODE_ARGS, e.g. `--cpu-prof`, to see where the BFF spends its time under the bench.
  const nodeArgs = (process.env.BFF_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, join(opts.root, 'apps/bff/dist/main.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      KUBECONFIG: opts.kubeconfig,
      PORT: String(port),
      HOST: '127.0.0.1',
      WHARF_DATA_DIR: dataDir,
      WHARF_ADMIN_PASSWORD: PASSWORD,
      WHARF_LOGIN_RATE_LIMIT: '1000',
      LOG_LEVEL: 'warn',
      ...(opts.webDist ? { WHARF_WEB_DIST: opts.webDist } : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((r) => child.once('exit', r));
  const url = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  await Promise.race([
    waitReady(url),
    exited.then((code) => {
      throw new Error(`the BFF exited (${String(code)}) before it was ready`);
    }),
  ]);
  const readySeconds = (performance.now() - t0) / 1000;
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wharf-csrf': '1' },
    body: JSON.stringify({ password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const pid = child.pid ?? 0;
  return {
    url,
    port,
    pid,
    cookie,
    readySeconds,
    memory: () => ({ rssMb: statusField(pid, 'VmRSS'), peakRssMb: statusField(pid, 'VmHWM') }),
    cpuSeconds: () => {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      // utime and stime, in clock ticks (100 per second on Linux).
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
