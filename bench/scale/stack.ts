import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { startBff, type BffProcess } from './bff-process.js';
import { startCluster, type Cluster } from './cluster.js';

/** The checkout whose build is measured (WHARF_ROOT, else the current directory). */
export const ROOT = resolve(process.env.WHARF_ROOT ?? '.');
const BENCH = resolve(process.env.WHARF_BENCH_DIR ?? 'bench');

export interface Stack {
  cluster: Cluster;
  bff: BffProcess;
  stop(): Promise<void>;
}

/** The standalone API server holding a generated project of `stages` stages and 5× as many freight. */
export function startBenchCluster(stages: number, log: (m: string) => void): Promise<Cluster> {
  const crds = resolve(ROOT, '../shared/kargo-crds');
  if (!existsSync(crds)) throw new Error(`needs the Kargo CRDs at ${crds} (../shared/kargo-crds)`);
  if (!existsSync(join(ROOT, 'apps/bff/dist/main.js')))
    throw new Error(`No build at ${ROOT}: run \`npm run build\` first.`);
  return startCluster({
    root: ROOT,
    crds,
    cacheDir: join(BENCH, 'node_modules/.cache/wharf-scale'),
    stages,
    freight: stages * 5,
    log,
  });
}

/**
 * The standalone API server holding a generated project of `stages` stages and 5× as many
 * freight, and the BFF in kubeconfig mode in front of it, signed in as the admin.
 */
export async function startStack(stages: number, log: (m: string) => void): Promise<Stack> {
  const cluster = await startBenchCluster(stages, log);
  const bff = await startBffFor(cluster);
  return {
    cluster,
    bff,
    stop: async () => {
      await bff.stop();
      await cluster.stop();
    },
  };
}

/**
 * The BFF in front of `cluster`, serving `webDist` (else WEB_DIST, else the build); stops the
 * cluster if it fails.
 */
export function startBffFor(cluster: Cluster, webDist = process.env.WEB_DIST): Promise<BffProcess> {
  return startBff({
    root: ROOT,
    kubeconfig: cluster.kubeconfig,
    ...(webDist ? { webDist: resolve(webDist) } : {}),
  }).catch(async (err: unknown) => {
    await cluster.stop();
    throw err;
  });
}

/** A browser context signed in to the BFF (its session cookie set). */
export async function signIn(context: BrowserContext, bff: BffProcess): Promise<void> {
  const [name, value] = bff.cookie.split('=');
  await context.addCookies([{ name: name ?? '', value: value ?? '', url: bff.url }]);
}
