import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KubeConfig } from '@kubernetes/client-node';
import { startApiServer, type RunningApiServer } from '@wharf/apiserver';
import { pino } from 'pino';
import { startBff, type BffOptions, type RunningBff } from '../../src/server.js';

const REPO_ROOT = resolve(fileURLToPath(new URL('../../../../', import.meta.url)));
/** Kargo's real CRDs, test data kept beside the repository (never copied into it). */
export const KARGO_CRDS = resolve(REPO_ROOT, '../shared/kargo-crds');
export const HAVE_CRDS = existsSync(KARGO_CRDS);
export const NO_CRDS_MESSAGE = `skipped: Kargo CRDs not found at ../shared/kargo-crds (relative to the repository root)`;

export interface Harness {
  api: RunningApiServer;
  /** Admin access to the cluster, for seeding and reading back. */
  kc: KubeConfig;
  bff: RunningBff;
  dataDir: string;
  close(): Promise<void>;
}

export async function startApi(dataDir: string, port = 0): Promise<RunningApiServer> {
  return startApiServer({
    dataDir: join(dataDir, 'cluster'),
    host: '127.0.0.1',
    port,
    crdDirs: [KARGO_CRDS],
  });
}

/** Embedded API server with Kargo's CRDs plus a BFF on port 0, fast retries for tests. */
export async function startHarness(
  seed: (kc: KubeConfig) => Promise<void>,
  bffOpts: Partial<BffOptions> | ((kc: KubeConfig) => Partial<BffOptions>) = {},
): Promise<Harness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'wharf-bff-'));
  const api = await startApi(dataDir);
  const kc = new KubeConfig();
  kc.loadFromString(api.kubeconfigYaml());
  await seed(kc);
  const bff = await startBff({
    kc,
    mode: 'embedded',
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    coalesceMs: 20,
    cacheDelays: { initialMs: 50, maxMs: 400 },
    ...(typeof bffOpts === 'function' ? bffOpts(kc) : bffOpts),
  });
  await bff.cache.synced();
  return {
    api,
    kc,
    bff,
    dataDir,
    close: async () => {
      await bff.close();
      await api.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls until `check` returns a value (not undefined), or fails after `ms`. */
export async function eventually<T>(
  check: () => T | undefined | Promise<T | undefined>,
  ms = 5000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
