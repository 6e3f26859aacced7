import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { promisify } from 'node:util';

export const run = promisify(execFile);

/** Asks the OS for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** The absolute path of a system binary, or a clear error naming the Debian package to install. */
export async function requireBinary(name: string, debianPackage: string): Promise<string> {
  for (const dir of ['/usr/sbin', '/usr/bin', '/usr/local/bin', '/usr/local/sbin']) {
    const path = `${dir}/${name}`;
    const found = await run('test', ['-x', path]).then(
      () => true,
      () => false,
    );
    if (found) return path;
  }
  throw new Error(
    `${name} is not installed: \`npm test\` installs the Debian package "${debianPackage}" (scripts/lib/system-deps.mjs), or run apt-get install ${debianPackage}`,
  );
}

/** A long-running child whose output is kept for the error message if it dies early. */
export function startDaemon(
  cmd: string,
  args: string[],
  cwd?: string,
  env?: NodeJS.ProcessEnv,
): ChildProcess & { log(): string } {
  // Its own process group, so stopping it also stops what it forked (fcgiwrap prefork children).
  const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  const keep = (b: Buffer) => {
    out = (out + b.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return Object.assign(child, { log: () => out });
}

/** Signals the daemon's whole process group (it and every child it forked). */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

/** Stops a child started here, with what it forked, and waits for it to exit. */
export async function stopDaemon(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    signalGroup(child, 'SIGTERM');
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup(child, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** Polls until `probe` is true; fails with `what` and the daemon's log when it never is. */
export async function waitUntil(
  what: string,
  probe: () => Promise<boolean>,
  daemon?: { log(): string; exitCode: number | null },
  timeoutMs = 30_000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (daemon && daemon.exitCode !== null)
      throw new Error(`${what}: the process exited (${daemon.exitCode}):\n${daemon.log()}`);
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${daemon ? `:\n${daemon.log()}` : ''}`);
}
