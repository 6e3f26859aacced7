// Reviews (create-only, never stored), status, serviceaccounts/token and namespaces/finalize.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Ctx } from '../context.js';
import { errors } from '../errors/status.js';
import { mediaType, parseBody, readRaw } from '../http/body.js';
import type { Verb } from '../http/request-info.js';
import { sendJson } from '../http/respond.js';
import { updateObject } from '../objects/update.js';
import type { UserInfo } from '../rbac/index.js';
import { apiVersionOf } from '../registry/resource-def.js';
import { review } from '../reviews/reviews.js';
import { tokenRequest } from '../reviews/token-request.js';
import { asKObj, clone, isObject } from '../util/kobj.js';
import { callerFrom } from './options.js';
import { handleGet } from './read.js';
import { handlePatch, handleUpdate, type Target } from './write.js';

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  const b = parseBody(await readRaw(req), mediaType(req));
  if (!isObject(b)) throw errors.badRequest('the request body must be a JSON or YAML object');
  return b;
}

export async function handleSubresource(
  ctx: Ctx,
  user: UserInfo,
  t: Target,
  verb: Verb,
  req: IncomingMessage,
  res: ServerResponse,
  q: URLSearchParams,
): Promise<void> {
  const { def } = t;
  if (def.virtual) {
    if (verb !== 'create' || t.name) throw errors.methodNotAllowed();
    const b = await body(req);
    const expected = apiVersionOf(def.group, t.version);
    if ((b.kind && b.kind !== def.kind) || (b.apiVersion && b.apiVersion !== expected))
      throw errors.badRequest(
        `expected ${def.kind} in ${expected}, got ${String(b.kind)} in ${String(b.apiVersion)}`,
      );
    const out = await review(ctx, user, def.resource, t.namespace, {
      ...b,
      kind: def.kind,
      apiVersion: expected,
    });
    sendJson(res, 201, out);
    return;
  }
  const sub = t.subresource;
  const name = t.name ?? '';
  if (sub === 'status' && def.statusSubresource) {
    if (verb === 'get') return handleGet(ctx, def, t.version, t.namespace, name, req, res, q);
    if (verb === 'update') return handleUpdate(ctx, user, t, req, res, q);
    if (verb === 'patch') return handlePatch(ctx, user, t, req, res, q);
    throw errors.methodNotAllowed();
  }
  if (sub === 'token' && def.resource === 'serviceaccounts' && !def.group && t.namespace) {
    if (verb !== 'create') throw errors.methodNotAllowed();
    const caller = callerFrom(user, q);
    sendJson(res, 201, await tokenRequest(ctx, t.namespace, name, await body(req), caller.dryRun));
    return;
  }
  if (sub === 'finalize' && def.resource === 'namespaces' && !def.group) {
    if (verb !== 'update') throw errors.methodNotAllowed();
    const b = asKObj(await body(req));
    if (typeof b === 'string') throw errors.badRequest(b);
    const cur = ctx.store.get('namespaces', '', name);
    if (!cur) throw errors.notFound('', 'namespaces', name);
    const next = clone(cur);
    next.spec = isObject(b.spec) ? b.spec : {};
    const r = await updateObject(ctx, callerFrom(user, q), def, t.version, undefined, name, next);
    sendJson(res, 200, r.obj);
    return;
  }
  throw errors.pathNotFound();
}
