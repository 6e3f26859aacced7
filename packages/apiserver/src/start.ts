// startApiServer: wires storage, watch, catalog, controllers and the HTTPS listener.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { join, resolve } from 'node:path';
import { createTokenIssuer, loadAdminToken } from './auth/tokens.js';
import type { Ctx } from './context.js';
import { startAggregationController } from './controllers/aggregation.js';
import { bootstrap } from './controllers/bootstrap.js';
import { startCrdController } from './controllers/crds.js';
import { startGarbageCollector } from './controllers/gc.js';
import { startNamespaceController } from './controllers/namespaces.js';
import { WorkQueue } from './controllers/queue.js';
import { startServiceAccountTokenController } from './controllers/service-account-tokens.js';
import { loadCrdDirs } from './crd-loader.js';
import { validateCrdDefinition } from './crd-schema/index.js';
import { dispatch } from './http/dispatch.js';
import { RequestMetrics } from './http/metrics.js';
import { kubeconfigYaml } from './kubeconfig.js';
import { Catalog } from './registry/catalog.js';
import { Store } from './storage/store.js';
import { loadOrCreateTls } from './tls/certs.js';
import type { ApiServerOptions, RunningApiServer } from './types.js';
import { WatchHub } from './watch/hub.js';

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((res, rej) => {
    server.once('error', rej);
    server.listen(port, host, () => {
      server.off('error', rej);
      res((server.address() as AddressInfo).port);
    });
  });
}

export async function startApiServer(opts: ApiServerOptions): Promise<RunningApiServer> {
  const dataDir = resolve(opts.dataDir);
  const host = opts.host ?? '127.0.0.1';
  mkdirSync(dataDir, { recursive: true });
  const tls = await loadOrCreateTls(dataDir, host);
  const adminToken = loadAdminToken(dataDir);
  const store = new Store(join(dataDir, 'store'));
  const catalog = new Catalog();
  const crdDef = catalog.byGroupResource('customresourcedefinitions.apiextensions.k8s.io');
  if (crdDef)
    crdDef.validate = (o) =>
      validateCrdDefinition(o).map((c) => ({ field: c.field, reason: c.type, message: c.message }));
  const ctx: Ctx = {
    store,
    hub: new WatchHub(store, opts.watchWindow ?? 10_000),
    catalog,
    hooks: [],
    tokens: await createTokenIssuer(dataDir, store, adminToken),
    caPem: tls.caPem,
    bookmarkIntervalMs: opts.bookmarkIntervalMs ?? 30_000,
    closing: false,
    watches: new Set(),
    metrics: new RequestMetrics(),
  };
  const queue = new WorkQueue();
  startCrdController(ctx, queue);
  startGarbageCollector(ctx, queue);
  startNamespaceController(ctx, queue);
  startServiceAccountTokenController(ctx, queue);
  startAggregationController(ctx, queue);
  await bootstrap(ctx);
  if (opts.crdDirs?.length) await loadCrdDirs(ctx, opts.crdDirs);
  await queue.idle();

  const sockets = new Set<Socket>();
  const server = createServer({ cert: tls.certPem, key: tls.keyPem }, (req, res) => {
    void dispatch(ctx, req, res);
  });
  // kube-apiserver keeps idle connections 90 s. Node's 5 s default made keep-alive clients (the
  // controller's, the BFF's) reuse a socket the server was closing at that moment: ECONNRESET.
  server.keepAliveTimeout = 90_000;
  server.headersTimeout = 95_000;
  server.on('connection', (s: Socket) => {
    ctx.metrics.connection();
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const port = await listen(server, opts.port ?? 0, host);
  const url = `https://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const admin = { name: 'wharf-admin', token: adminToken };
  if (opts.kubeconfigOut)
    writeFileSync(opts.kubeconfigOut, kubeconfigYaml(url, tls.caPem, admin), { mode: 0o600 });

  let closed: Promise<void> | undefined;
  return {
    url,
    port,
    caPem: tls.caPem,
    adminToken,
    kubeconfigYaml: (user) => kubeconfigYaml(url, tls.caPem, user ?? admin),
    addAdmissionHook: (hook) => {
      ctx.hooks.push(hook);
    },
    close: () =>
      (closed ??= (async () => {
        ctx.closing = true;
        const stopped = new Promise<void>((r) => server.close(() => r()));
        for (const w of ctx.watches) w.end();
        for (const s of sockets) s.destroy();
        server.closeAllConnections();
        await stopped;
        await queue.idle();
        await store.close();
      })()),
  };
}
