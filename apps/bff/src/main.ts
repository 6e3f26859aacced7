import type { ClusterCache } from './cache/cluster-cache.js';
import { clusterMode, loadConfig } from './config.js';
import { connectCluster } from './kube/connect.js';
import { wireIdentity } from './identity-wiring.js';
import { createLogger } from './logger.js';
import { banner } from './ops/banner.js';
import { basePathOf } from './ops/public-url.js';
import { wharfNamespace } from './own-state/namespace.js';
import { OwnNamespace } from './own-state/own-namespace.js';
import { startBff } from './server.js';

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);

const cluster = await connectCluster(config, logger).catch((err: unknown) => {
  logger.fatal({ err, mode: clusterMode(config) }, 'could not connect to a cluster');
  process.exit(1);
});
// What replicas share lives in Wharf's own namespace; the embedded cluster gets it made.
const own = new OwnNamespace(cluster.kc, wharfNamespace(config.WHARF_NAMESPACE));
if (cluster.mode === 'embedded') await own.ensureExists();
// Sign-in is always in front of everything: there is no mode in which requests act as the BFF.
// Role mapping reads the BFF's cache, which exists once the BFF starts (before any request).
const live: { cache?: ClusterCache } = {};
const identity = await wireIdentity({
  ownNamespace: own,
  dataDir: config.WHARF_DATA_DIR,
  kc: cluster.kc,
  logger,
  cache: () => live.cache,
});
const bff = await startBff({
  resolveCaller: identity.resolveCaller,
  extraRouters: identity.extraRouters,
  kc: cluster.kc,
  mode: cluster.mode,
  logger,
  port: config.PORT,
  host: config.HOST,
  coalesceMs: config.WHARF_COALESCE_MS,
  slowPromotionMs: config.WHARF_SLOW_PROMOTION,
  ...(config.WHARF_ARGOCD_URL ? { argoCdUrl: config.WHARF_ARGOCD_URL } : {}),
  ...(config.WHARF_WEB_DIST ? { webDist: config.WHARF_WEB_DIST } : {}),
  showStacks: config.NODE_ENV === 'development',
  sharedNamespace: config.WHARF_SHARED_RESOURCES_NAMESPACE,
  basePath: basePathOf(identity.publicUrl),
  ...(identity.publicUrl ? { publicUrl: identity.publicUrl } : {}),
  trustProxy: config.WHARF_TRUST_PROXY,
  serviceAccountNamespaces: identity.globalRoleNamespaces,
  onAccessChange: () => identity.accessChanged(),
});
live.cache = bff.cache;
const sweep = identity.watchRooms(bff);
const url = identity.publicUrl?.href ?? `http://localhost:${bff.port}/`;
logger.info({ port: bff.port, mode: cluster.mode, url }, `Wharf is serving on ${url}`);
// A person at a terminal gets the essentials in one place; log collectors get the line above.
if (process.stdout.isTTY) {
  process.stdout.write(
    banner({
      url,
      mode: cluster.mode,
      server: cluster.server,
      dataDir: config.WHARF_DATA_DIR,
      kubeconfigPath: cluster.kubeconfigPath,
      adminPasswordConfigured: identity.adminPasswordConfigured,
    }),
  );
}

let stopping = false;
/** Stop taking traffic, close sockets and watches, then the embedded cluster; bounded in time. */
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  setTimeout(() => process.exit(1), 10_000).unref();
  sweep.stop();
  identity.stop();
  await bff.close();
  await cluster.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
