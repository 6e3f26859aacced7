// GET /openapi/v2: JSON or protobuf by the Accept header, as kube-apiserver negotiates it, 406
// for anything else. Built once per set of served kinds: kubectl fetches it for every List.
import type { IncomingMessage, ServerResponse } from 'node:http';
import Negotiator from 'negotiator';
import type { Catalog } from '../registry/catalog.js';
import { openapiV2 } from './openapi-v2.js';
import { OPENAPI_V2_PROTO, OPENAPI_V2_PROTO_DOTTED, openapiV2Proto } from './openapi-v2-proto.js';

const JSON_TYPE = 'application/json';
const OFFERED = [JSON_TYPE, OPENAPI_V2_PROTO, OPENAPI_V2_PROTO_DOTTED];

interface Encoded {
  json?: Buffer;
  proto?: Buffer;
}
const caches = new WeakMap<Catalog, Encoded>();

function cacheFor(catalog: Catalog): Encoded {
  let cache = caches.get(catalog);
  if (!cache) {
    const fresh: Encoded = {};
    catalog.onChange(() => {
      fresh.json = undefined;
      fresh.proto = undefined;
    });
    caches.set(catalog, fresh);
    cache = fresh;
  }
  return cache;
}

export function serveOpenapiV2(catalog: Catalog, req: IncomingMessage, res: ServerResponse): void {
  const type = new Negotiator({ headers: { accept: req.headers.accept || '*/*' } }).mediaType(
    OFFERED,
  );
  if (!type) {
    res.writeHead(406, { Vary: 'Accept' });
    res.end();
    return;
  }
  const cache = cacheFor(catalog);
  const body =
    type === JSON_TYPE
      ? (cache.json ??= Buffer.from(JSON.stringify(openapiV2(catalog))))
      : (cache.proto ??= Buffer.from(openapiV2Proto(openapiV2(catalog))));
  res.writeHead(200, {
    'Content-Type': type === JSON_TYPE ? JSON_TYPE : OPENAPI_V2_PROTO_DOTTED,
    'Content-Length': String(body.length),
    'Cache-Control': 'no-cache, private',
    Vary: 'Accept',
  });
  res.end(body);
}
