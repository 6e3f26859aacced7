import { KubeConfig } from '@kubernetes/client-node';
import type { Logger } from 'pino';
import { clusterMode, type ClusterMode, type Config } from '../config.js';
import { startEmbeddedCluster } from './embedded-cluster.js';

export interface ClusterConnection {
  mode: ClusterMode;
  kc: KubeConfig;
  server: string;
  /** The admin kubeconfig the embedded cluster wrote, for kubectl. */
  kubeconfigPath?: string;
  close(): Promise<void>;
}

/** One KubeConfig for every mode, so the rest of the BFF cannot tell a laptop from production. */
export async function connectCluster(config: Config, logger: Logger): Promise<ClusterConnection> {
  const mode = clusterMode(config);
  if (mode === 'embedded') {
    const cluster = await startEmbeddedCluster({
      dataDir: config.WHARF_DATA_DIR,
      seedDemo: config.WHARF_SEED_DEMO === '1',
      ...(config.WHARF_DEMO_IMAGE ? { demoImage: config.WHARF_DEMO_IMAGE } : {}),
      sharedResourcesNamespace: config.WHARF_SHARED_RESOURCES_NAMESPACE,
      ...(config.CONTROLPLANE_USER_REGEX
        ? { controlPlaneUserRegex: config.CONTROLPLANE_USER_REGEX }
        : {}),
      logger,
    });
    logger.info(
      { server: cluster.server, kubeconfig: cluster.kubeconfigPath },
      'embedded cluster started; kubectl works with KUBECONFIG set to the kubeconfig path',
    );
    return {
      mode,
      kc: cluster.kc,
      server: cluster.server,
      kubeconfigPath: cluster.kubeconfigPath,
      close: cluster.close,
    };
  }
  const kc = new KubeConfig();
  if (mode === 'in-cluster') kc.loadFromCluster();
  else kc.loadFromDefault();
  const server = kc.getCurrentCluster()?.server ?? '';
  logger.info({ mode, server }, 'using the configured cluster');
  return { mode, kc, server, close: () => Promise.resolve() };
}
