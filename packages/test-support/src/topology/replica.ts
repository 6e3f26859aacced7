import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startDaemon, stopDaemon, waitUntil } from '../processes.js';
import { REPO_ROOT } from './repo.js';

type Daemon = ReturnType<typeof startDaemon>;

/**
 * A replica's environment: the runner's, without any Wharf or Kubernetes setting of its own, then
 * the replica's. The e2e runner's global setup names its own OIDC client and secret in its
 * environment; inherited, they made replicas send that secret for the topology's public client
 * (the provider answered `invalid_client` and SSO through the proxy failed).
 */
export function replicaEnvironment(
  runner: NodeJS.ProcessEnv,
  own: Record<string, string>,
): NodeJS.ProcessEnv {
  const inherited = Object.entries(runner).filter(
    ([name]) => !name.startsWith('WHARF_') && name !== 'KUBECONFIG',
  );
  return { ...Object.fromEntries(inherited), ...own };
}

/** One BFF process (`apps/bff/dist/main.js`, as the image runs it) on its own port. */
export class Replica {
  private daemon: Daemon | undefined;

  constructor(
    readonly name: string,
    readonly port: number,
    /** The base path it serves under, e.g. `/wharf`. */
    private readonly basePath: string,
    private readonly env: Record<string, string>,
  ) {}

  /** Its address without the proxy, for what only this replica can say (metrics, readiness). */
  get directUrl(): string {
    return `http://127.0.0.1:${this.port}${this.basePath}`;
  }

  get running(): boolean {
    return (
      this.daemon !== undefined && this.daemon.exitCode === null && this.daemon.signalCode === null
    );
  }

  get pid(): number | undefined {
    return this.daemon?.pid;
  }

  log(): string {
    return this.daemon?.log() ?? '';
  }

  /** Starts it and waits until /readyz answers 200. */
  async start(): Promise<void> {
    await mkdir(this.env.WHARF_DATA_DIR ?? join(REPO_ROOT, '.wharf'), { recursive: true });
    this.daemon = startDaemon(
      process.execPath,
      ['--enable-source-maps', 'apps/bff/dist/main.js'],
      REPO_ROOT,
      replicaEnvironment(process.env, { ...this.env, PORT: String(this.port) }),
    );
    const daemon = this.daemon;
    await waitUntil(
      `${this.name} to be ready`,
      async () => (await fetch(`${this.directUrl}/readyz`)).status === 200,
      daemon,
      90_000,
    );
  }

  /** A crash: SIGKILL, no goodbye to its sockets. */
  async kill(): Promise<void> {
    const d = this.daemon;
    if (!d || !this.running) return;
    const exited = new Promise<void>((r) => d.once('exit', () => r()));
    d.kill('SIGKILL');
    await exited;
  }

  /** A rollout: SIGTERM, and wait for the graceful shutdown. */
  async stop(): Promise<void> {
    if (this.daemon) await stopDaemon(this.daemon);
  }
}
