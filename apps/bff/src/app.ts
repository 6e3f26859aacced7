import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { constants as zlib } from 'node:zlib';
import compression from 'compression';
import type { KubeConfig } from '@kubernetes/client-node';
import express, { Router } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { ClusterStatus } from '@wharf/shared';
import type { CallerResolver } from './access/caller.js';
import type { AttentionIndex } from './attention/attention-index.js';
import { attentionRoutes } from './attention/attention-routes.js';
import type { ClusterCache } from './cache/cluster-cache.js';
import type { SearchIndex } from './search/search-index.js';
import { searchRoutes } from './search/search-routes.js';
import { apiNotFound, errorMiddleware } from './errors/error-middleware.js';
import { type Metrics, withRouteTemplate } from './ops/metrics.js';
import { hideAddress } from './ops/hide-address.js';
import { openApiDocument } from './ops/openapi.js';
import { ReadModels } from './read/read-models.js';
import { actionRoutes } from './routes/action-routes.js';
import { authoringRoutes } from './routes/authoring-routes.js';
import { credentialRoutes } from './routes/credential-routes.js';
import { detailRoutes } from './routes/detail-routes.js';
import { mountRoutes } from './routes/api-route.js';
import { k8sProxy } from './routes/k8s-proxy.js';
import { readRoutes } from './routes/read-routes.js';
import type { TrustProxy } from './ops/trust-proxy.js';
import { securityHeaders } from './web/content-security-policy.js';
import { webAppRouter, type WebBuild } from './web/web-app.js';

/** A router another module mounts, e.g. identity at `/api/v1/auth` or roles at `/api/v1/projects/:p/roles`. */
export interface ExtraRouter {
  path: string;
  router: express.Router;
}

export interface AppDeps {
  /** The built web app, served when there is one (readWebBuild). */
  webBuild?: WebBuild | undefined;
  clusterStatus: () => ClusterStatus;
  cache: ClusterCache;
  /** Wharf's own identity: what Kargo's API server does as itself after checking the user. */
  kc: KubeConfig;
  /** Wharf's own actor as Kargo records it (`kubernetes:<its username>`), once known. */
  wharfActor?: () => string | undefined;
  /** What needs attention across projects, kept from the cache (the cockpit). */
  attention: AttentionIndex;
  /** What global search looks through, kept from the cache. */
  search: SearchIndex;
  resolveCaller: CallerResolver;
  logger: Logger;
  metrics: Metrics;
  /** Ready for traffic (see ClusterCache.ready), with each cached kind's state as detail. */
  readiness: () => { ready: boolean; kinds: Record<string, unknown> };
  now?: () => number;
  /** Mounted before the built-in API routes, with the same error handling. */
  extraRouters?: ExtraRouter[];
  showStacks?: boolean;
  version?: string;
  /** Longest a watch through the Kubernetes proxy stays open. */
  proxyWatchMaxSeconds?: number;
  /** Kargo's shared-resources namespace (shared credentials); Kargo's chart default. */
  sharedNamespace?: string;
  /** The path of WHARF_PUBLIC_URL without its trailing slash (`/wharf`), or '' at the root. */
  basePath?: string;
  /** Which proxies' X-Forwarded-For/-Proto/-Host count (WHARF_TRUST_PROXY). */
  trustProxy?: TrustProxy;
  /** Argo CD's web UI, for links from stages to their applications. */
  argoCdUrl?: string;
}

export const DEFAULT_SHARED_NAMESPACE = 'kargo-shared-resources';

export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Builds the HTTP app with its dependencies passed in, so tests run it on port 0. */
export function createApp(deps: AppDeps): express.Express {
  const now = deps.now ?? Date.now;
  const models = new ReadModels(deps.cache, now, deps.argoCdUrl, deps.wharfActor);
  const sharedNamespace = deps.sharedNamespace ?? DEFAULT_SHARED_NAMESPACE;
  const routes = [
    ...readRoutes(models, now),
    ...detailRoutes(models),
    ...actionRoutes(models, now, deps.kc),
    ...authoringRoutes({
      models,
      allStages: () => deps.cache.get('stages').list(),
      sharedNamespace,
      now,
    }),
    ...credentialRoutes(sharedNamespace),
    ...attentionRoutes(deps.attention),
    ...searchRoutes(deps.search, deps.cache),
  ];
  const openapi = openApiDocument(routes, deps.version ?? '0.1.0');

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // Behind a proxy, req.protocol, req.host, req.secure and req.ip come from X-Forwarded-* headers
  // of the trusted hops only: the Origin check, Secure cookies and rate limits depend on them.
  app.set('trust proxy', deps.trustProxy ?? false);
  app.use(securityHeaders());
  // Read models and the app's scripts shrink several-fold. Watch streams through the proxy must
  // reach the browser as they happen: the proxy, which alone knows a watch in every spelling,
  // marks them `no-transform`, and compression leaves those alone. API answers are written per
  // request: brotli's quality 1 costs a sixth of the default's CPU (15 ms instead of 94 ms for
  // 3,000 stages' 6.5 MB) for ~15% more bytes; the app's scripts keep the default.
  const compressApi = compression({ brotli: { params: { [zlib.BROTLI_PARAM_QUALITY]: 1 } } });
  const compressAssets = compression();
  app.use((req, res, next) => {
    (req.path.includes('/api/') ? compressApi : compressAssets)(req, res, next);
  });
  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: (_req, res) => {
        const id = randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: {
        ignore: (req) => /\/(healthz|readyz|metrics)$/.test(req.url ?? ''),
      },
    }),
  );
  // Everything lives under the base path; the proxy passes paths unchanged.
  const basePath = deps.basePath ?? '';
  app.use(deps.metrics.httpMiddleware(basePath));
  const root = Router();
  root.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Probes and anonymous callers see the cluster's state, never its internal address.
  root.get('/readyz', (_req, res) => {
    const { ready, kinds } = deps.readiness();
    const cluster = deps.clusterStatus();
    res.status(ready ? 200 : 503).json(hideAddress({ ready, cluster, kinds }, cluster.server));
  });
  root.get('/metrics', async (_req, res) => {
    res.setHeader('content-type', deps.metrics.registry.contentType);
    res.send(await deps.metrics.registry.metrics());
  });
  // Nothing an API answers may be kept by a browser or proxy cache (new tokens are shown once).
  root.use('/api', (_req, res, next) => {
    res.setHeader('cache-control', 'no-store');
    next();
  });
  root.get('/api/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  root.get('/api/v1/cluster', async (req, res) => {
    const signedIn = await deps.resolveCaller(req).then(
      () => true,
      () => false,
    );
    const status = deps.clusterStatus();
    res.json(signedIn ? status : hideAddress(status, status.server));
  });

  const api = Router();
  api.use(express.json({ limit: '2mb' }));
  for (const extra of deps.extraRouters ?? [])
    api.use(extra.path, withRouteTemplate(`/api/v1${extra.path}`, extra.router));
  api.use('/k8s', k8sProxy(deps.resolveCaller, deps.proxyWatchMaxSeconds));
  mountRoutes(api, routes, deps.resolveCaller);
  api.use(apiNotFound);
  root.use('/api/v1', api);

  if (deps.webBuild) root.use(webAppRouter(deps.webBuild, basePath));
  if (basePath) {
    // `/wharf` → `/wharf/`, so relative URLs and the cookie path (`/wharf/`) apply.
    app.use((req, res, next) => {
      if (req.path !== basePath || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
      res.redirect(301, `${basePath}/${req.originalUrl.slice(basePath.length)}`);
    });
  }
  app.use(basePath || '/', root);
  app.use(errorMiddleware({ showStacks: deps.showStacks ?? false }));
  return app;
}
