// Non-resource paths: version, health, discovery and OpenAPI.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Ctx } from '../context.js';
import {
  AGGREGATED_CONTENT_TYPE,
  aggregatedDiscovery,
  wantsAggregated,
} from '../discovery/aggregated.js';
import {
  apiGroup,
  apiGroupList,
  apiResourceList,
  apiVersions,
  VERSION_INFO,
} from '../discovery/discovery.js';
import { errors } from '../errors/status.js';
import { openapiV3Doc, openapiV3Index } from '../openapi/openapi.js';
import { serveOpenapiV2 } from '../openapi/serve-v2.js';
import { sendMetrics } from './metrics.js';
import { sendJson } from './respond.js';

function ok(res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('ok');
}

export function handleNonResource(
  ctx: Ctx,
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const p = path.replace(/\/+$/, '') || '/';
  if (p === '/version') return sendJson(res, 200, VERSION_INFO);
  if (p === '/healthz' || p === '/livez' || p === '/readyz') return ok(res);
  if (p === '/metrics') return sendMetrics(ctx.metrics, res);
  if ((p === '/api' || p === '/apis') && wantsAggregated(req.headers.accept))
    return sendJson(
      res,
      200,
      aggregatedDiscovery(ctx.catalog, p === '/api'),
      [],
      AGGREGATED_CONTENT_TYPE,
    );
  if (p === '/api') return sendJson(res, 200, apiVersions(req.headers.host ?? ''));
  if (p === '/apis') return sendJson(res, 200, apiGroupList(ctx.catalog));
  if (p === '/openapi/v2') return serveOpenapiV2(ctx.catalog, req, res);
  if (p === '/openapi/v3') return sendJson(res, 200, openapiV3Index(ctx.catalog));
  const parts = p.split('/').filter(Boolean);
  if (parts[0] === 'openapi' && parts[1] === 'v3') {
    const rest = parts.slice(2);
    const doc =
      rest[0] === 'api'
        ? openapiV3Doc(ctx.catalog, '', rest[1] ?? '')
        : openapiV3Doc(ctx.catalog, rest[1] ?? '', rest[2] ?? '');
    if (doc) return sendJson(res, 200, doc);
  }
  if (parts[0] === 'api' && parts.length === 2) {
    const list = apiResourceList(ctx.catalog, '', parts[1] ?? '');
    if (list) return sendJson(res, 200, list);
  }
  if (parts[0] === 'apis' && parts.length === 2) {
    const g = apiGroup(ctx.catalog, parts[1] ?? '');
    if (g) return sendJson(res, 200, g);
  }
  if (parts[0] === 'apis' && parts.length === 3) {
    const list = apiResourceList(ctx.catalog, parts[1] ?? '', parts[2] ?? '');
    if (list) return sendJson(res, 200, list);
  }
  throw errors.pathNotFound();
}
