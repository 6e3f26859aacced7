// POST, PUT, PATCH and DELETE on stored resources.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Ctx } from '../context.js';
import { errors } from '../errors/status.js';
import { mediaType, parseBody, readRaw } from '../http/body.js';
import { sendJson } from '../http/respond.js';
import { createObject } from '../objects/create.js';
import { deleteObject, type DeleteOptions, type Propagation } from '../objects/delete.js';
import { updateObject } from '../objects/update.js';
import type { UserInfo } from '../rbac/index.js';
import type { ResourceDef } from '../registry/resource-def.js';
import { asKObj, isObject, type KObj } from '../util/kobj.js';
import { callerFrom } from './options.js';
import { patchObject } from './patch.js';
import { atVersion, selectObjects } from './read.js';

export interface Target {
  def: ResourceDef;
  version: string;
  namespace?: string;
  name?: string;
  subresource?: string;
}

async function bodyObject(req: IncomingMessage): Promise<KObj> {
  const o = asKObj(parseBody(await readRaw(req), mediaType(req)));
  if (typeof o === 'string') throw errors.badRequest(o);
  return o;
}

export async function handleCreate(
  ctx: Ctx,
  user: UserInfo,
  t: Target,
  req: IncomingMessage,
  res: ServerResponse,
  q: URLSearchParams,
): Promise<void> {
  if (t.name) throw errors.methodNotAllowed();
  const body = await bodyObject(req);
  const r = await createObject(ctx, callerFrom(user, q), t.def, t.version, t.namespace, body);
  sendJson(res, 201, atVersion(t.def, t.version, r.obj), r.warnings);
}

export async function handleUpdate(
  ctx: Ctx,
  user: UserInfo,
  t: Target,
  req: IncomingMessage,
  res: ServerResponse,
  q: URLSearchParams,
): Promise<void> {
  if (!t.name) throw errors.methodNotAllowed();
  const body = await bodyObject(req);
  const r = await updateObject(
    ctx,
    callerFrom(user, q),
    t.def,
    t.version,
    t.namespace,
    t.name,
    body,
    t.subresource ? { subresource: t.subresource } : {},
  );
  sendJson(res, 200, atVersion(t.def, t.version, r.obj), r.warnings);
}

export async function handlePatch(
  ctx: Ctx,
  user: UserInfo,
  t: Target,
  req: IncomingMessage,
  res: ServerResponse,
  q: URLSearchParams,
): Promise<void> {
  if (!t.name) throw errors.methodNotAllowed();
  const type = mediaType(req);
  const patch = parseBody(await readRaw(req), type);
  const force = q.get('force') === 'true';
  const r = await patchObject(
    ctx,
    callerFrom(user, q),
    t.def,
    t.version,
    t.namespace,
    t.name,
    type,
    patch,
    t.subresource,
    force,
  );
  sendJson(res, r.created ? 201 : 200, atVersion(t.def, t.version, r.obj), r.warnings);
}

async function deleteOptions(
  req: IncomingMessage,
  q: URLSearchParams,
): Promise<DeleteOptions & { dryRun: boolean }> {
  const raw = await readRaw(req);
  const body = raw.length ? parseBody(raw, mediaType(req)) : {};
  const b = isObject(body) ? body : {};
  let policy = (q.get('propagationPolicy') ?? b.propagationPolicy) as string | undefined;
  const orphan = q.get('orphanDependents') ?? b.orphanDependents;
  if (!policy && orphan !== undefined && orphan !== null)
    policy = String(orphan) === 'true' ? 'Orphan' : 'Background';
  if (policy && !['Foreground', 'Background', 'Orphan'].includes(policy))
    throw errors.badRequest(
      `propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan"`,
    );
  const pre = isObject(b.preconditions) ? b.preconditions : {};
  const dry = Array.isArray(b.dryRun) && b.dryRun.includes('All');
  return {
    ...(policy ? { propagationPolicy: policy as Propagation } : {}),
    preconditions: {
      ...(typeof pre.uid === 'string' ? { uid: pre.uid } : {}),
      ...(typeof pre.resourceVersion === 'string' ? { resourceVersion: pre.resourceVersion } : {}),
    },
    dryRun: dry,
  };
}

export async function handleDelete(
  ctx: Ctx,
  user: UserInfo,
  t: Target,
  req: IncomingMessage,
  res: ServerResponse,
  q: URLSearchParams,
): Promise<void> {
  if (!t.name || t.subresource) throw errors.methodNotAllowed();
  const opts = await deleteOptions(req, q);
  const caller = callerFrom(user, q);
  if (opts.dryRun) caller.dryRun = true;
  const r = await deleteObject(ctx, caller, t.def, t.version, t.namespace, t.name, opts);
  const returnObject = !!t.def.schemas || !r.deleted || t.def.resource === 'namespaces';
  if (returnObject) {
    sendJson(res, 200, atVersion(t.def, t.version, r.obj));
    return;
  }
  sendJson(res, 200, {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    details: {
      name: t.name,
      ...(t.def.group ? { group: t.def.group } : {}),
      kind: t.def.resource,
      uid: r.obj.metadata.uid,
    },
  });
}

export async function handleDeleteCollection(
  ctx: Ctx,
  user: UserInfo,
  t: Target,
  req: IncomingMessage,
  res: ServerResponse,
  q: URLSearchParams,
): Promise<void> {
  const opts = await deleteOptions(req, q);
  const caller = callerFrom(user, q);
  if (opts.dryRun) caller.dryRun = true;
  const items: KObj[] = [];
  for (const o of selectObjects(ctx, t.def, t.namespace, q)) {
    const r = await deleteObject(
      ctx,
      caller,
      t.def,
      t.version,
      o.metadata.namespace,
      o.metadata.name ?? '',
      {
        ...(opts.propagationPolicy ? { propagationPolicy: opts.propagationPolicy } : {}),
      },
    );
    items.push(atVersion(t.def, t.version, r.obj));
  }
  sendJson(res, 200, {
    kind: t.def.listKind,
    apiVersion: items[0]?.apiVersion ?? '',
    metadata: {},
    items,
  });
}
