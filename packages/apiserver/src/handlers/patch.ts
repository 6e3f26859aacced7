// PATCH in its four flavours: JSON patch, JSON merge patch, strategic merge patch (built-in
// kinds only, as in Kubernetes) and server-side apply.
import jsonpatch from 'fast-json-patch';
import type { Caller, Ctx } from '../context.js';
import { ApiError, errors } from '../errors/status.js';
import { createObject, type WriteResult } from '../objects/create.js';
import { updateObject } from '../objects/update.js';
import { applyConfig, fieldSet, previousApplyFields } from '../patch/apply.js';
import { mergePatch } from '../patch/merge.js';
import { strategicMerge } from '../patch/strategic.js';
import { gr, type ResourceDef } from '../registry/resource-def.js';
import { asKObj, clone, isObject, type KObj } from '../util/kobj.js';
import { atVersion } from './read.js';

const JSON_PATCH = 'application/json-patch+json';
const MERGE = 'application/merge-patch+json';
const STRATEGIC = 'application/strategic-merge-patch+json';
const APPLY = 'application/apply-patch+yaml';

function toObj(v: unknown): KObj {
  const o = asKObj(v);
  if (typeof o === 'string') throw errors.badRequest(o);
  return o;
}

/** True when the patch itself carries a resourceVersion precondition. */
function pinsVersion(patch: unknown): boolean {
  if (Array.isArray(patch))
    return patch.some((op) => isObject(op) && op.path === '/metadata/resourceVersion');
  return (
    isObject(patch) && isObject(patch.metadata) && patch.metadata.resourceVersion !== undefined
  );
}

/** Like kube-apiserver, a patch without its own precondition is retried on a write race. */
export async function patchObject(
  ...args: Parameters<typeof patchOnce>
): Promise<WriteResult & { created: boolean }> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await patchOnce(...args);
    } catch (e) {
      const retry =
        e instanceof ApiError &&
        e.code === 409 &&
        e.reason === 'Conflict' &&
        !pinsVersion(args[7]) &&
        attempt < 5;
      if (!retry) throw e;
    }
  }
}

async function patchOnce(
  ctx: Ctx,
  caller: Caller,
  def: ResourceDef,
  version: string,
  ns: string | undefined,
  name: string,
  type: string,
  patch: unknown,
  subresource: string | undefined,
  force: boolean,
): Promise<WriteResult & { created: boolean }> {
  const accepted = def.strategicMerge
    ? [JSON_PATCH, MERGE, APPLY, STRATEGIC]
    : [JSON_PATCH, MERGE, APPLY];
  if (!accepted.includes(type)) throw errors.unsupportedMediaType(accepted);
  const stored = ctx.store.get(gr(def), ns, name);
  if (type === APPLY) {
    const manager = caller.fieldManager;
    if (!manager)
      throw errors.badRequest(
        'PATCH with apply requires fieldManager to be set (for example fieldManager=kubectl)',
      );
    void force;
    const applied = toObj(patch);
    if (applied.metadata.name && applied.metadata.name !== name)
      throw errors.badRequest(
        `the name of the object (${applied.metadata.name}) does not match the name on the URL (${name})`,
      );
    const fields = fieldSet(applied);
    if (!stored) {
      const r = await createObject(
        ctx,
        caller,
        def,
        version,
        ns,
        { ...applied, metadata: { ...applied.metadata, name } },
        { applied: fields },
      );
      return { ...r, created: true };
    }
    const live = atVersion(def, version, stored);
    const next = toObj(applyConfig(live, applied, previousApplyFields(live, manager)));
    next.metadata.resourceVersion = stored.metadata.resourceVersion;
    const r = await updateObject(ctx, caller, def, version, ns, name, next, {
      operation: 'Apply',
      applied: fields,
      ...(subresource ? { subresource } : {}),
    });
    return { ...r, created: false };
  }
  if (!stored) throw errors.notFound(def.group, def.resource, name);
  const live = clone(atVersion(def, version, stored));
  let result: unknown;
  if (type === JSON_PATCH) {
    if (!Array.isArray(patch))
      throw errors.badRequest('a JSON patch must be a JSON array of operations');
    try {
      result = jsonpatch.applyPatch(live, patch as jsonpatch.Operation[], true, false).newDocument;
    } catch (e) {
      throw new ApiError(
        422,
        'Invalid',
        `the server rejected our request due to an error in our request: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
      );
    }
  } else if (!isObject(patch)) {
    throw errors.badRequest('a merge patch must be a JSON object');
  } else if (type === MERGE) {
    result = mergePatch(live, patch);
  } else {
    result = strategicMerge(live, patch);
  }
  const next = toObj(result);
  next.metadata.resourceVersion ??= stored.metadata.resourceVersion;
  const r = await updateObject(
    ctx,
    caller,
    def,
    version,
    ns,
    name,
    next,
    subresource ? { subresource } : {},
  );
  return { ...r, created: false };
}
