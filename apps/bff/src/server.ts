import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KubeConfig } from '@kubernetes/client-node';
import type { Request } from 'express';
import type { Logger } from 'pino';
import type { ClusterStatus } from '@wharf/shared';
import type { CallerResolver } from './access/caller.js';
import { adminCallerResolver } from './access/admin-caller.js';
import { createApp, DEFAULT_WEB_DIST, type ExtraRouter } from './app.js';
import type { BackoffDelays } from './cache/backoff.js';
import { ClusterCache } from './cache/cluster-cache.js';
import { KIND_NAMES } from './cache/kinds.js';
import type { ClusterMode } from './config.js';
import { AttentionIndex } from './attention/attention-index.js';
import { SearchIndex } from './search/search-index.js';
import { attachAccessRoom } from './live/access-room.js';
import { attachAttentionRoom } from './live/attention-room.js';
import { LiveHub } from './live/live-hub.js';
import { crossSiteRefusal } from './identity/csrf.js';
import { attachSockets, type RoomMember } from './live/socket-server.js';
import { OwnIdentity } from './kube/own-identity.js';
import { Metrics } from './ops/metrics.js';
import type { TrustProxy } from './ops/trust-proxy.js';
import { ReadModels } from './read/read-models.js';
import { readWebBuild } from './web/web-app.js';

/** How long an idle client connection stays open: longer than proxies' 60 s upstream keep-alive. */
const IDLE_CONNECTION_MS = 65_000;

export interface BffOptions {
  kc: KubeConfig;
  mode: ClusterMode;
  logger: Logger;
  port?: number;
  host?: string;
  coalesceMs?: number;
  webDist?: string;
  /** Defaults to acting as the BFF's own identity (admin) until identity is plugged in. */
  resolveCaller?: CallerResolver;
  extraRouters?: ExtraRouter[];
  cacheDelays?: BackoffDelays;
  now?: () => number;
  showStacks?: boolean;
  proxyWatchMaxSeconds?: number;
  sharedNamespace?: string;
  /** Serve everything under this path (from WHARF_PUBLIC_URL), e.g. `/wharf`; '' at the root. */
  basePath?: string;
  trustProxy?: TrustProxy;
  /** Namespaces whose ServiceAccounts are cached beside project namespaces' (role mapping). */
  serviceAccountNamespaces?: readonly string[];
  /** Argo CD's web UI, for links from stages to their applications. */
  argoCdUrl?: string;
  /** WHARF_PUBLIC_URL: the one origin browsers may open sockets from (else the request's own). */
  publicUrl?: URL;
  /** A running promotion older than this needs attention (WHARF_SLOW_PROMOTION); 30 minutes. */
  slowPromotionMs?: number;
  /** How often the attention room asks again what each member may see. */
  attentionRecheckMs?: number;
  /** RBAC changed in a namespace (identity forgets its cached decisions and re-checks rooms). */
  onAccessChange?: (namespace: string) => void;
}

/** Half an hour: longer than most promotions run, short enough to notice one stuck in a day. */
export const DEFAULT_SLOW_PROMOTION_MS = 30 * 60_000;

export interface RunningBff {
  url: string;
  port: number;
  cache: ClusterCache;
  hub: LiveHub;
  metrics: Metrics;
  clusterStatus(): ClusterStatus;
  /** Sockets in project rooms, for identity's periodic access re-check. */
  roomMembers(): Iterable<RoomMember>;
  close(): Promise<void>;
}

/** Wires cache, REST, sockets and metrics on one HTTP server; the same path for main and tests. */
export async function startBff(opts: BffOptions): Promise<RunningBff> {
  const { kc, logger } = opts;
  const metrics = new Metrics();
  const cache = new ClusterCache(kc, {
    ...(opts.cacheDelays ? { delays: opts.cacheDelays } : {}),
    ...(opts.serviceAccountNamespaces
      ? { serviceAccountNamespaces: opts.serviceAccountNamespaces }
      : {}),
  });
  const now = opts.now ?? Date.now;
  for (const kind of KIND_NAMES) {
    cache.get(kind).on('failed', (err: Error) => {
      metrics.watchRestarts.inc({ kind });
      logger.warn({ kind, err: err.message }, 'watch failed; retrying with backoff');
    });
    cache.get(kind).on('recovered', () => logger.info({ kind }, 'watch restored'));
  }
  cache.on('kargo-missing', () =>
    logger.error(cache.status().message ?? 'Kargo is not installed in this cluster'),
  );
  metrics.cacheSource = () => {
    const s = cache.status();
    const kinds = Object.entries(s.kinds);
    return {
      sizes: Object.fromEntries(kinds.map(([k, v]) => [k, v.size])),
      states: Object.fromEntries(kinds.map(([k, v]) => [k, v.state])),
      watches: kinds.reduce((n, [, v]) => n + v.watches, 0),
      ready: s.ready,
    };
  };
  const server = kc.getCurrentCluster()?.server;
  const clusterStatus = (): ClusterStatus => {
    const s = cache.status();
    const { connected } = s;
    return {
      mode: opts.mode,
      connected,
      ...(server ? { server } : {}),
      ...(s.kargoInstalled !== undefined ? { kargoInstalled: s.kargoInstalled } : {}),
      ...(s.message
        ? { message: s.message }
        : connected || s.ready
          ? {}
          : { message: 'Connecting to Kubernetes and loading Kargo objects…' }),
      ...(s.problems.length ? { problems: s.problems } : {}),
    };
  };
  const resolveCaller = opts.resolveCaller ?? adminCallerResolver(kc);
  const own = new OwnIdentity(kc);
  // Asked before serving, so no view claims a person for a Promotion Kargo recorded as Wharf's.
  await own
    .learn()
    .catch((err: unknown) =>
      logger.warn({ err: String(err) }, 'could not learn Wharf’s own Kubernetes username'),
    );
  const wharfActor = () => own.actor();
  const attention = new AttentionIndex(cache, {
    slowPromotionMs: opts.slowPromotionMs ?? DEFAULT_SLOW_PROMOTION_MS,
    windowMs: opts.coalesceMs ?? 50,
    now,
  });
  const search = new SearchIndex(cache);
  // One web build, read once, for the pages served and for what sockets are told about it.
  const webBuild = readWebBuild(opts.webDist ?? DEFAULT_WEB_DIST);
  const app = createApp({
    webBuild,
    clusterStatus,
    cache,
    kc,
    wharfActor,
    attention,
    search,
    resolveCaller,
    logger,
    metrics,
    readiness: () => {
      const s = cache.status();
      return { ready: s.ready, kinds: s.kinds };
    },
    now,
    ...(opts.argoCdUrl ? { argoCdUrl: opts.argoCdUrl } : {}),
    ...(opts.extraRouters ? { extraRouters: opts.extraRouters } : {}),
    showStacks: opts.showStacks ?? false,
    ...(opts.proxyWatchMaxSeconds ? { proxyWatchMaxSeconds: opts.proxyWatchMaxSeconds } : {}),
    ...(opts.sharedNamespace ? { sharedNamespace: opts.sharedNamespace } : {}),
    basePath: opts.basePath ?? '',
    trustProxy: opts.trustProxy ?? false,
  });
  const httpServer = createServer(app);
  // Proxies in front (ingress-nginx, cloud load balancers) keep idle upstream connections for
  // 60 s; Node closes its side after 5 s, and a request the proxy sends as it closes comes back
  // as a 502. Idle connections here outlive the proxy's; the wait for headers outlives that.
  httpServer.keepAliveTimeout = IDLE_CONNECTION_MS;
  httpServer.headersTimeout = IDLE_CONNECTION_MS + 1000;
  const models = new ReadModels(cache, now, opts.argoCdUrl, wharfActor);
  const sockets = attachSockets({
    httpServer,
    hub: (out) => new LiveHub(cache, models, out, opts.coalesceMs ?? 50),
    resolveCaller,
    metrics,
    logger,
    basePath: opts.basePath ?? '',
    webBuild: webBuild?.entry,
    // Express's request prototype gives the handshake req.protocol/req.host as REST sees them
    // (trusted proxies' X-Forwarded-* included), so the origin check is REST's, word for word.
    originRefusal: (req) =>
      crossSiteRefusal(Object.setPrototypeOf(req, app.request) as Request, opts.publicUrl),
  });
  const attentionRoom = attachAttentionRoom({
    io: sockets.io,
    index: attention,
    resolveCaller,
    metrics,
    logger,
    ...(opts.attentionRecheckMs ? { recheckMs: opts.attentionRecheckMs } : {}),
  });
  const accessRoom = attachAccessRoom({
    io: sockets.io,
    cache,
    resolveCaller,
    metrics,
    logger,
    // The cockpit's members see many projects: they learn of changes in those they may see
    // through the rooms they are already in, instead of joining one access room per project.
    alsoTell: (ns) => attentionRoom.roomsSeeing(ns),
    onAccessChange: (ns) => {
      opts.onAccessChange?.(ns);
      sockets
        .recheckProjects()
        .catch((err: unknown) => logger.warn({ err }, 'projects recheck failed'));
      attentionRoom
        .recheck()
        .catch((err: unknown) => logger.warn({ err }, 'attention recheck failed'));
    },
  });
  cache.start();
  let closing = false;
  // The first visitor of a big project should not wait for thousands of views to be built.
  void cache.synced().then(() => models.warm(() => closing));
  await new Promise<void>((resolve) =>
    httpServer.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve),
  );
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    cache,
    hub: sockets.hub,
    metrics,
    clusterStatus,
    roomMembers: () => sockets.members(),
    close: async () => {
      closing = true;
      attentionRoom.stop();
      accessRoom.stop();
      attention.stop();
      search.stop();
      cache.stop();
      // socket.io's close ends with the HTTP server's, which waits for every connection: a
      // kept-alive idle one would hold it for its whole idle timeout.
      const socketsClosed = sockets.close();
      httpServer.closeAllConnections();
      await socketsClosed;
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
