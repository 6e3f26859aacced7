// Create: check, default, admit (mutating), name, validate, admit (validating), store.
import { mutate, validate } from '../admission/run.js';
import { checkEscalation } from '../auth/escalation.js';
import type { Caller, Ctx } from '../context.js';
import { errors } from '../errors/status.js';
import { generateName } from '../registry/names.js';
import { apiVersionOf, gr, type ResourceDef } from '../registry/resource-def.js';
import { clone, type JsonObject, type KObj } from '../util/kobj.js';
import { recordManager } from './managed-fields.js';
import { checkTypeMeta } from './type-meta.js';
import { stampNew } from './meta.js';
import { tidyMeta } from './meta.js';
import { pruneReportingUnknown } from './field-validation.js';
import { normalize, validateObject } from './validate.js';

export interface WriteResult {
  obj: KObj;
  warnings: string[];
}

export function checkNamespace(ctx: Ctx, def: ResourceDef, ns: string | undefined): void {
  if (!def.namespaced || !ns) return;
  const nsObj = ctx.store.get('namespaces', '', ns);
  if (!nsObj) throw errors.notFound('', 'namespaces', ns);
  if (nsObj.metadata.deletionTimestamp)
    throw Object.assign(
      errors.forbidden(
        def.group,
        def.resource,
        undefined,
        `unable to create new content in namespace ${ns} because it is being terminated`,
      ),
      {},
    );
}

export async function createObject(
  ctx: Ctx,
  caller: Caller,
  def: ResourceDef,
  version: string,
  ns: string | undefined,
  body: KObj,
  opts: { applied?: JsonObject } = {},
): Promise<WriteResult> {
  checkTypeMeta(def, version, body);
  let obj = clone(body);
  def.prepare?.(obj);
  obj.apiVersion = apiVersionOf(def.group, version);
  obj.kind = def.kind;
  if (def.namespaced) {
    if (obj.metadata.namespace && ns && obj.metadata.namespace !== ns)
      throw errors.badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    obj.metadata.namespace = ns;
  } else delete obj.metadata.namespace;
  checkNamespace(ctx, def, ns);
  stampNew(def, obj);
  if (def.statusSubresource && def.schemas) delete obj.status;
  if (def.resource === 'namespaces' && !def.group) {
    obj.spec = { finalizers: ['kubernetes'] };
    obj.status = { phase: 'Active' };
  }
  const unknown = pruneReportingUnknown(def, version, obj, caller);
  normalize(def, version, obj);
  const base = {
    operation: 'CREATE' as const,
    def,
    version,
    caller,
    ...(ns ? { namespace: ns } : {}),
  };
  const m = await mutate(ctx, { ...base, object: obj });
  if (m.object) obj = m.object;
  if (!obj.metadata.name && obj.metadata.generateName)
    obj.metadata.name = generateName(obj.metadata.generateName);
  normalize(def, version, obj);
  tidyMeta(obj);
  validateObject(def, version, obj);
  checkEscalation(ctx, caller, def, obj);
  const w = await validate(ctx, { ...base, object: obj, name: obj.metadata.name ?? '' });
  const name = obj.metadata.name ?? '';
  if (ctx.store.get(gr(def), ns, name)) throw errors.alreadyExists(def.group, def.resource, name);
  if (caller.dryRun) return { obj, warnings: [...unknown, ...m.warnings, ...w] };
  recordManager(
    obj,
    caller,
    opts.applied ? 'Apply' : 'Update',
    version,
    def,
    undefined,
    opts.applied,
  );
  const stored = await ctx.store.put(gr(def), obj);
  return { obj: stored, warnings: [...unknown, ...m.warnings, ...w] };
}
