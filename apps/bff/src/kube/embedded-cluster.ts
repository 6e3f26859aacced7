import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import type { RunningApiServer } from '@wharf/apiserver';
import type { Logger } from 'pino';

/** The contract of @wharf/controller's entry point. */
interface KargoModule {
  startEmbeddedKargo(opts: {
    apiServer: RunningApiServer;
    dataDir: string;
    seedDemo?: boolean;
    demoImage?: string;
    sharedResourcesNamespace?: string;
    controlPlaneUserRegex?: string;
    logger?: Logger;
  }): Promise<{ stop(): Promise<void> }>;
}

export interface EmbeddedCluster {
  kc: KubeConfig;
  server: string;
  kubeconfigPath: string;
  close(): Promise<void>;
}

/** The production image leaves the embedded cluster out unless built with it. */
function notInThisBuild(err: unknown): never {
  if ((err as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw err;
  throw new Error(
    'This build has no embedded cluster: point Wharf at a cluster (KUBECONFIG, or run it in one), ' +
      'or build the image with --build-arg WHARF_EMBEDDED_CLUSTER=1.',
  );
}

/**
 * Starts the embedded API server on loopback, writes an admin kubeconfig for kubectl, and runs the
 * Kargo stand-in with the demo seeded. Loaded lazily so real-cluster deployments never import it.
 */
export async function startEmbeddedCluster(opts: {
  dataDir: string;
  seedDemo: boolean;
  demoImage?: string;
  /** Kargo's shared-resources namespace, the same one the BFF reads. */
  sharedResourcesNamespace: string;
  /** Kargo's CONTROLPLANE_USER_REGEX, for the stand-in's webhooks. */
  controlPlaneUserRegex?: string;
  logger: Logger;
  port?: number;
}): Promise<EmbeddedCluster> {
  const { startApiServer } = await import('@wharf/apiserver').catch(notInThisBuild);
  const controller = (await import('@wharf/controller').catch(
    notInThisBuild,
  )) as Partial<KargoModule>;
  await mkdir(opts.dataDir, { recursive: true });
  const kubeconfigPath = join(opts.dataDir, 'kubeconfig');
  const apiServer = await startApiServer({
    dataDir: join(opts.dataDir, 'cluster'),
    host: '127.0.0.1',
    port: opts.port ?? 0,
    kubeconfigOut: kubeconfigPath,
  });
  const kargo = controller.startEmbeddedKargo
    ? await controller.startEmbeddedKargo({
        apiServer,
        dataDir: opts.dataDir,
        seedDemo: opts.seedDemo,
        ...(opts.demoImage ? { demoImage: opts.demoImage } : {}),
        sharedResourcesNamespace: opts.sharedResourcesNamespace,
        ...(opts.controlPlaneUserRegex
          ? { controlPlaneUserRegex: opts.controlPlaneUserRegex }
          : {}),
        logger: opts.logger.child({ component: 'embedded-kargo' }),
      })
    : undefined;
  if (!kargo) opts.logger.warn('the embedded Kargo stand-in is not available in this build');
  const kc = new KubeConfig();
  kc.loadFromString(apiServer.kubeconfigYaml());
  return {
    kc,
    server: apiServer.url,
    kubeconfigPath,
    close: async () => {
      await kargo?.stop();
      await apiServer.close();
    },
  };
}
