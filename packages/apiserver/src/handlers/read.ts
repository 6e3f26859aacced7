// GET of one object and LIST with selectors, paging and Table output.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Ctx } from '../context.js';
import { errors } from '../errors/status.js';
import { sendJson } from '../http/respond.js';
import { apiVersionOf, gr, type ResourceDef } from '../registry/resource-def.js';
import { parseFieldSelector } from '../selectors/fields.js';
import { parseLabelSelector } from '../selectors/labels.js';
import { includeParam, toTable, wantsTable } from '../table/convert.js';
import type { KObj } from '../util/kobj.js';

/** Objects are stored once; served at the version the client asked for. */
export function atVersion(def: ResourceDef, version: string, o: KObj): KObj {
  const apiVersion = apiVersionOf(def.group, version);
  return o.apiVersion === apiVersion ? o : { ...o, apiVersion };
}

export function handleGet(
  ctx: Ctx,
  def: ResourceDef,
  version: string,
  ns: string | undefined,
  name: string,
  req: IncomingMessage,
  res: ServerResponse,
  q: URLSearchParams,
): void {
  const o = ctx.store.get(gr(def), ns, name);
  if (!o) throw errors.notFound(def.group, def.resource, name);
  const obj = atVersion(def, version, o);
  if (wantsTable(req.headers.accept)) {
    sendJson(
      res,
      200,
      toTable(def, [obj], includeParam(q), { resourceVersion: obj.metadata.resourceVersion }),
    );
    return;
  }
  sendJson(res, 200, obj);
}

interface ContinueToken {
  rv: string;
  start: string;
}

function decodeContinue(token: string): ContinueToken {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as ContinueToken;
    if (typeof t.start === 'string' && typeof t.rv === 'string') return t;
  } catch {
    // fall through
  }
  throw errors.badRequest(
    'continue key is not valid: send the value of metadata.continue from the previous list response',
  );
}

export function selectObjects(
  ctx: Ctx,
  def: ResourceDef,
  ns: string | undefined,
  q: URLSearchParams,
): KObj[] {
  const labels = parseLabelSelector(q.get('labelSelector'));
  const fields = parseFieldSelector(q.get('fieldSelector'), def);
  return ctx.store
    .list(gr(def), ns)
    .filter((o) => (!labels || labels(o.metadata.labels)) && (!fields || fields(o)));
}

export function handleList(
  ctx: Ctx,
  def: ResourceDef,
  version: string,
  ns: string | undefined,
  req: IncomingMessage,
  res: ServerResponse,
  q: URLSearchParams,
): void {
  const rv = String(ctx.store.currentRv());
  let items = selectObjects(ctx, def, ns, q);
  const cont = q.get('continue');
  let listRv = rv;
  if (cont) {
    const t = decodeContinue(cont);
    listRv = t.rv;
    items = items.filter((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}` > t.start);
  }
  const limit = Number(q.get('limit') ?? 0);
  const meta: Record<string, unknown> = { resourceVersion: listRv };
  if (limit > 0 && items.length > limit) {
    const last = items[limit - 1];
    items = items.slice(0, limit);
    meta.remainingItemCount = undefined;
    if (last) {
      const start = `${last.metadata.namespace ?? ''}/${last.metadata.name ?? ''}`;
      meta.continue = Buffer.from(JSON.stringify({ rv: listRv, start })).toString('base64url');
    }
  }
  const served = items.map((o) => atVersion(def, version, o));
  if (wantsTable(req.headers.accept)) {
    sendJson(res, 200, toTable(def, served, includeParam(q), meta));
    return;
  }
  sendJson(res, 200, {
    kind: def.listKind,
    apiVersion: apiVersionOf(def.group, version),
    metadata: meta,
    items: served,
  });
}
