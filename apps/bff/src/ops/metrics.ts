import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { RequestHandler } from 'express';

/** Prometheus metrics of one BFF process (a registry per instance, so tests can run several). */
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'wharf_http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly connectedSockets = new Gauge({
    name: 'wharf_connected_sockets',
    help: 'Socket.io clients connected now',
    registers: [this.registry],
  });
  readonly watchRestarts = new Counter({
    name: 'wharf_watch_restarts_total',
    help: 'Informer restarts after a failed list or watch, by kind',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  /** Read at scrape time: objects and state per kind, open upstream watches, readiness. */
  cacheSource: () => {
    sizes: Record<string, number>;
    states: Record<string, string>;
    watches: number;
    ready: boolean;
  } = () => ({ sizes: {}, states: {}, watches: 0, ready: false });
  readonly cacheSize = new Gauge({
    name: 'wharf_cache_objects',
    help: 'Objects held in the shared cache, by kind',
    labelNames: ['kind'] as const,
    registers: [this.registry],
    collect: () => {
      for (const [kind, n] of Object.entries(this.cacheSource().sizes)) {
        this.cacheSize.set({ kind }, n);
      }
    },
  });
  readonly upstreamWatches = new Gauge({
    name: 'wharf_upstream_watches',
    help: 'Kubernetes watches this process holds open (one per Kargo kind, one per project namespace for Events, ServiceAccounts, Roles and RoleBindings; never per browser)',
    registers: [this.registry],
    collect: () => {
      this.upstreamWatches.set(this.cacheSource().watches);
    },
  });
  readonly cacheState = new Gauge({
    name: 'wharf_cache_kind_state',
    help: 'State of each cached kind: 1 for the state it is in (starting, synced, failed, forbidden, stopped), 0 for the others',
    labelNames: ['kind', 'state'] as const,
    registers: [this.registry],
    collect: () => {
      for (const [kind, current] of Object.entries(this.cacheSource().states)) {
        for (const state of ['starting', 'synced', 'failed', 'forbidden', 'stopped']) {
          this.cacheState.set({ kind, state }, state === current ? 1 : 0);
        }
      }
    },
  });
  readonly ready = new Gauge({
    name: 'wharf_ready',
    help: '1 when this replica is ready for traffic (/readyz answers 200)',
    registers: [this.registry],
    collect: () => {
      this.ready.set(this.cacheSource().ready ? 1 : 0);
    },
  });
  readonly socketMessages = new Counter({
    name: 'wharf_socket_messages_total',
    help: 'Messages emitted to socket rooms, by event',
    labelNames: ['event'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /**
   * Times every request; the route label is the matched pattern, so ids don't explode cardinality,
   * without the base path, so dashboards don't depend on where Wharf is hosted.
   */
  httpMiddleware(basePath = ''): RequestHandler {
    return (req, res, next) => {
      const end = this.httpDuration.startTimer();
      res.on('finish', () => {
        const route = req.route
          ? `${req.baseUrl.slice(basePath.length)}${String(req.route.path)}`
          : 'unmatched';
        end({ method: req.method, route, status: String(res.statusCode) });
      });
      next();
    };
  }
}
