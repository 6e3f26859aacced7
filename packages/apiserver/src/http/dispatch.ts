// One request: authenticate, impersonate, authorize, route to a handler.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requireAllowed } from '../auth/authorizer.js';
import { impersonate } from '../auth/impersonate.js';
import type { Ctx } from '../context.js';
import { ApiError, errors } from '../errors/status.js';
import { handleGet, handleList } from '../handlers/read.js';
import { handleSubresource } from '../handlers/subresources.js';
import { handleWatch } from '../handlers/watch.js';
import {
  handleCreate,
  handleDelete,
  handleDeleteCollection,
  handlePatch,
  handleUpdate,
} from '../handlers/write.js';
import type { UserInfo } from '../rbac/index.js';
import { handleNonResource } from './non-resource.js';
import { fieldSelectorName, requestInfo, type ResourceRequest } from './request-info.js';
import { sendError } from './respond.js';

const ANONYMOUS: UserInfo = { username: 'system:anonymous', groups: ['system:unauthenticated'] };

async function authenticate(ctx: Ctx, req: IncomingMessage): Promise<UserInfo> {
  const h = req.headers.authorization;
  if (!h) return ANONYMOUS;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  if (!m?.[1]) throw errors.unauthorized();
  const user = await ctx.tokens.authenticate(m[1]);
  if (!user) throw errors.unauthorized();
  return user;
}

export async function dispatch(ctx: Ctx, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    if (ctx.closing)
      throw new ApiError(503, 'ServiceUnavailable', 'the server is shutting down; retry shortly');
    const url = new URL(req.url ?? '/', 'https://localhost');
    const q = url.searchParams;
    const user = impersonate(ctx, await authenticate(ctx, req), req.headers);
    const info = requestInfo(req.method ?? 'GET', url.pathname, q);
    if (info.kind === 'nonResource') {
      requireAllowed(ctx, user, { kind: 'nonResource', verb: info.verb, path: info.path });
      handleNonResource(ctx, info.path, req, res);
      return;
    }
    await handleResource(ctx, user, info, req, res, q);
  } catch (err) {
    sendError(res, err);
  }
}

async function handleResource(
  ctx: Ctx,
  user: UserInfo,
  info: ResourceRequest,
  req: IncomingMessage,
  res: ServerResponse,
  q: URLSearchParams,
): Promise<void> {
  const def = ctx.catalog.lookup(info.group, info.version, info.resource);
  if (!def) throw errors.pathNotFound();
  ctx.metrics.track(
    {
      verb: info.verb,
      group: info.group,
      version: info.version,
      resource: info.resource,
      ...(info.subresource ? { subresource: info.subresource } : {}),
      scope: info.name ? 'resource' : info.namespace ? 'namespace' : 'cluster',
    },
    res,
  );
  if (info.namespace !== undefined && !def.namespaced) throw errors.pathNotFound();
  // A list or watch narrowed to one name is authorized for that name, as kube-apiserver does.
  const narrowed = info.verb === 'list' || info.verb === 'watch' ? fieldSelectorName(q) : undefined;
  const name = info.name ?? narrowed;
  requireAllowed(ctx, user, {
    kind: 'resource',
    verb: info.verb,
    apiGroup: info.group,
    resource: info.resource,
    ...(info.subresource ? { subresource: info.subresource } : {}),
    ...(info.namespace ? { namespace: info.namespace } : {}),
    ...(name ? { name } : {}),
  });
  const t = {
    def,
    version: info.version,
    ...(info.namespace ? { namespace: info.namespace } : {}),
    ...(info.name ? { name: info.name } : {}),
    ...(info.subresource ? { subresource: info.subresource } : {}),
  };
  if (def.virtual || info.subresource) {
    await handleSubresource(ctx, user, t, info.verb, req, res, q);
    return;
  }
  switch (info.verb) {
    case 'get':
      return handleGet(ctx, def, info.version, info.namespace, info.name ?? '', req, res, q);
    case 'list':
      return handleList(ctx, def, info.version, info.namespace, req, res, q);
    case 'watch':
      return handleWatch(ctx, def, info.version, info.namespace, info.name, req, res, q);
    case 'create':
      return handleCreate(ctx, user, t, req, res, q);
    case 'update':
      return handleUpdate(ctx, user, t, req, res, q);
    case 'patch':
      return handlePatch(ctx, user, t, req, res, q);
    case 'delete':
      return handleDelete(ctx, user, t, req, res, q);
    case 'deletecollection':
      return handleDeleteCollection(ctx, user, t, req, res, q);
  }
}
