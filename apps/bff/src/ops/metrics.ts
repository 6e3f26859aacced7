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
  /** Read at scrape time: objects per kind, and how many upstream watches are open. */
  cacheSource: () => { sizes: Record<string, number>; watches: number } = () => ({
    sizes: {},
    watches: 0,
  });
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
    help: 'Kubernetes watches this process holds open (one per kind, whatever the number of browsers)',
    registers: [this.registry],
    collect: () => {
      this.upstreamWatches.set(this.cacheSource().watches);
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

  /** Times every request; the route label is the matched pattern, so ids don't explode cardinality. */
  httpMiddleware(): RequestHandler {
    return (req, res, next) => {
      const end = this.httpDuration.startTimer();
      res.on('finish', () => {
        const route = req.route ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
        end({ method: req.method, route, status: String(res.statusCode) });
      });
      next();
    };
  }
}
