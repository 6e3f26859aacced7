import type { Request, Router } from 'express';
import type { z } from 'zod';
import type { Caller, CallerResolver } from '../access/caller.js';
import { toJson } from '../read/view-json.js';

/** One REST endpoint: its schemas drive validation, the response check and the OpenAPI document. */
export interface RouteSpec<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express path relative to /api/v1, e.g. `/projects/:project/stages`. */
  path: string;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /**
   * The handler assembles views each validated with its schema when it was built (see
   * read/cached-views.ts), so the answer is sent without parsing it again: for 3,000 stages that
   * second check cost more than the read itself.
   */
  viewsValidated?: true;
  status?: number;
  handler: (ctx: {
    req: Request;
    caller: Caller;
    params: z.output<P>;
    query: z.output<Q>;
    body: z.output<B>;
  }) => Promise<z.input<R>> | z.input<R>;
}

/** Keeps P/Q/B/R inferred per route while storing routes in one list. */
export function route<
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType,
>(spec: RouteSpec<P, Q, B, R>): RouteSpec {
  return spec as unknown as RouteSpec;
}

/**
 * Mounts routes on a router: input parsed with zod (a ZodError becomes a 400 in the error
 * middleware), the caller resolved per request, the answer validated before it is sent (or, for
 * answers made of cached views, when each view was built).
 */
export function mountRoutes(
  router: Router,
  routes: RouteSpec[],
  resolveCaller: CallerResolver,
): void {
  for (const spec of routes) {
    router[spec.method](spec.path, async (req, res) => {
      const params: unknown = spec.params ? spec.params.parse(req.params) : req.params;
      const query: unknown = spec.query ? spec.query.parse(req.query) : {};
      const body: unknown = spec.body ? spec.body.parse(req.body ?? {}) : undefined;
      const caller = await resolveCaller(req);
      const result = await spec.handler({ req, caller, params, query, body });
      res.status(spec.status ?? 200);
      // Cached views carry their JSON text: the answer is assembled from it, not serialised again.
      if (spec.viewsValidated) res.type('json').send(toJson(result));
      else res.json(spec.response.parse(result));
    });
  }
}
