// Update (PUT and the tail of every PATCH): optimistic concurrency, status isolation, admission,
// validation, generation, and deletion once the last finalizer of a deleting object is gone.
import { mutate, validate } from '../admission/run.js';
import { checkEscalation } from '../auth/escalation.js';
import type { Caller, Ctx } from '../context.js';
import { errors } from '../errors/status.js';
import { apiVersionOf, gr, type ResourceDef } from '../registry/resource-def.js';
import { clone, type JsonObject, type KObj } from '../util/kobj.js';
import type { WriteResult } from './create.js';
import { recordManager } from './managed-fields.js';
import { bumpGeneration, keepSystemFields, sameObject } from './meta.js';
import { tidyMeta } from './meta.js';
import { checkTypeMeta } from './type-meta.js';
import { pruneReportingUnknown } from './field-validation.js';
import { normalize, validateObject } from './validate.js';

export interface UpdateOptions {
  subresource?: string;
  /** Managed-fields operation recorded for the write. */
  operation?: 'Update' | 'Apply';
  /** Field set of a server-side apply. */
  applied?: JsonObject;
}

export function getOrNotFound(
  ctx: Ctx,
  def: ResourceDef,
  ns: string | undefined,
  name: string,
): KObj {
  const o = ctx.store.get(gr(def), ns, name);
  if (!o) throw errors.notFound(def.group, def.resource, name);
  return o;
}

export async function updateObject(
  ctx: Ctx,
  caller: Caller,
  def: ResourceDef,
  version: string,
  ns: string | undefined,
  name: string,
  body: KObj,
  opts: UpdateOptions = {},
): Promise<WriteResult> {
  checkTypeMeta(def, version, body);
  if (body.metadata.name && body.metadata.name !== name)
    throw errors.badRequest(
      `the name of the object (${body.metadata.name}) does not match the name on the URL (${name})`,
    );
  if (def.namespaced && body.metadata.namespace && body.metadata.namespace !== ns)
    throw errors.badRequest(
      'the namespace of the provided object does not match the namespace sent on the request',
    );
  const old = getOrNotFound(ctx, def, ns, name);
  const rv = body.metadata.resourceVersion;
  if (rv && rv !== old.metadata.resourceVersion)
    throw errors.conflict(def.group, def.resource, name);
  let obj: KObj;
  const sub = opts.subresource;
  if (sub === 'status') {
    obj = clone(old);
    if (body.status === undefined) delete obj.status;
    else obj.status = clone(body.status);
  } else {
    obj = clone(body);
    def.prepare?.(obj);
    if (def.statusSubresource) {
      if (old.status === undefined) delete obj.status;
      else obj.status = clone(old.status);
    }
  }
  obj.apiVersion = apiVersionOf(def.group, version);
  obj.kind = def.kind;
  keepSystemFields(obj, old);
  if (old.metadata.managedFields && !obj.metadata.managedFields)
    obj.metadata.managedFields = old.metadata.managedFields;
  const unknown = pruneReportingUnknown(def, version, obj, caller);
  normalize(def, version, obj);
  const base = {
    operation: 'UPDATE' as const,
    def,
    version,
    caller,
    name,
    oldObject: old,
    ...(sub ? { subresource: sub } : {}),
    ...(ns ? { namespace: ns } : {}),
  };
  const m = await mutate(ctx, { ...base, object: obj });
  if (m.object) {
    obj = m.object;
    keepSystemFields(obj, old);
  }
  normalize(def, version, obj);
  tidyMeta(obj);
  validateObject(def, version, obj, old);
  checkEscalation(ctx, caller, def, obj);
  const w = await validate(ctx, { ...base, object: obj });
  const warnings = [...unknown, ...m.warnings, ...w];
  bumpGeneration(def, obj, old);
  // Admission awaited: another write may have landed meanwhile. From here to the store write
  // nothing awaits, so this check and the write are atomic.
  const current = getOrNotFound(ctx, def, ns, name);
  if (current.metadata.resourceVersion !== old.metadata.resourceVersion)
    throw errors.conflict(def.group, def.resource, name);
  if (sameObject(obj, old)) return { obj: old, warnings };
  if (caller.dryRun) return { obj, warnings };
  recordManager(obj, caller, opts.operation ?? 'Update', version, def, sub, opts.applied);
  if (
    obj.metadata.deletionTimestamp &&
    !(obj.metadata.finalizers ?? []).length &&
    !(def.resource === 'namespaces' && !def.group)
  ) {
    const gone = await ctx.store.remove(gr(def), obj);
    return { obj: gone, warnings };
  }
  return { obj: await ctx.store.put(gr(def), obj), warnings };
}
