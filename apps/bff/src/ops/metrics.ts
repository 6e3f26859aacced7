import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Request, RequestHandler, Response } from 'express';

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

  /** Route labels seen so far; past MAX_ROUTE_LABELS every new one is counted as `other`. */
  private readonly routeLabels = new Set<string>();

  /**
   * Times every request, labelled by route template (`/api/v1/projects/:project`), never by the
   * path asked for: unmatched requests share one label, so made-up paths cannot grow the output.
   * Labels leave out the base path, so dashboards don't depend on where Wharf is hosted.
   */
  httpMiddleware(basePath = ''): RequestHandler {
    return (req, res, next) => {
      const end = this.httpDuration.startTimer();
      res.on('finish', () => {
        end({
          method: req.method,
          route: this.routeLabel(routeTemplate(req, res, basePath)),
          status: String(res.statusCode),
        });
      });
      next();
    };
  }

  private routeLabel(template: string): string {
    if (this.routeLabels.has(template)) return template;
    if (this.routeLabels.size >= MAX_ROUTE_LABELS) return 'other';
    this.routeLabels.add(template);
    return template;
  }
}

/** More distinct routes than Wharf has; a safety net, should a template ever carry a value. */
const MAX_ROUTE_LABELS = 200;

const TEMPLATE_BASE = 'routeTemplateBase';

/**
 * The template of the route that answered: the mount's template (set by `withRouteTemplate`,
 * since Express only keeps the mount's concrete path) plus the route's own pattern.
 */
function routeTemplate(req: Request, res: Response, basePath: string): string {
  const route = req.route as { path?: unknown } | undefined;
  if (!route) return 'unmatched';
  const base: unknown = res.locals[TEMPLATE_BASE];
  const mount = typeof base === 'string' ? base : req.baseUrl.slice(basePath.length);
  return `${mount}${String(route.path)}`;
}

/**
 * Mounts `router` so metrics label its routes with `template` (e.g. `/api/v1/projects/:p/roles`)
 * instead of the path a request named; the label is restored when the router passes a request on.
 */
export function withRouteTemplate(template: string, router: RequestHandler): RequestHandler {
  return (req, res, next) => {
    const previous: unknown = res.locals[TEMPLATE_BASE];
    res.locals[TEMPLATE_BASE] = template.replace(/\/$/, '');
    void router(req, res, (err?: unknown) => {
      res.locals[TEMPLATE_BASE] = previous;
      next(err);
    });
  };
}
