import { join } from 'node:path';
import { startDaemon, stopDaemon, waitUntil } from '../processes.js';
import { KubeAdmin } from './kube-admin.js';
import { ensureBuilt, KARGO_CRDS, REPO_ROOT } from './repo.js';

type Daemon = ReturnType<typeof startDaemon>;

/** `wharf-apiserver` as its own process (no Wharf controller) with Kargo's CRDs: "the cluster". */
export function startStandaloneApiServer(dir: string, port: number, kubeconfigOut: string): Daemon {
  return startDaemon(
    process.execPath,
    [
      'packages/apiserver/bin/wharf-apiserver.mjs',
      ...['--port', String(port), '--host', '127.0.0.1'],
      ...['--data-dir', join(dir, 'cluster'), '--crds', KARGO_CRDS],
      ...['--kubeconfig-out', kubeconfigOut],
    ],
    REPO_ROOT,
  );
}

/** Waits until the API server answers its admin, and returns that admin. */
export async function apiServerReady(apiserver: Daemon, kubeconfig: string): Promise<KubeAdmin> {
  await waitUntil(
    'the API server',
    async () => (await KubeAdmin.load(kubeconfig)).request('GET', '/readyz').then(() => true),
    apiserver,
    60_000,
  );
  return KubeAdmin.load(kubeconfig);
}

/** A standalone API server in `dir` (built first if needed), for tests that only need a cluster. */
export async function startCluster(
  dir: string,
  port: number,
): Promise<{ admin: KubeAdmin; stop(): Promise<void> }> {
  await ensureBuilt();
  const kubeconfig = join(dir, 'admin.kubeconfig');
  const daemon = startStandaloneApiServer(dir, port, kubeconfig);
  try {
    return { admin: await apiServerReady(daemon, kubeconfig), stop: () => stopDaemon(daemon) };
  } catch (err) {
    await stopDaemon(daemon);
    throw err;
  }
}
