// Server-side apply, simplified: the applier's field set is recorded in managedFields (FieldsV1);
// applying merges the configuration into the live object (maps recursively, lists as atomic
// values) and removes fields the same manager applied before but no longer sends. Conflicts with
// other managers are not detected (every apply behaves as if --force-conflicts were given).
import { isObject, type JsonObject } from '../util/kobj.js';

const SKIP_ROOT = new Set(['apiVersion', 'kind']);
const SKIP_META = new Set([
  'name',
  'namespace',
  'resourceVersion',
  'managedFields',
  'uid',
  'creationTimestamp',
  'generation',
]);

export function fieldSet(v: unknown, depth = 0, parentMeta = false): JsonObject {
  const out: JsonObject = {};
  if (!isObject(v)) return out;
  for (const [k, x] of Object.entries(v)) {
    if (depth === 0 && SKIP_ROOT.has(k)) continue;
    if (parentMeta && SKIP_META.has(k)) continue;
    out[`f:${k}`] = isObject(x) ? fieldSet(x, depth + 1, depth === 0 && k === 'metadata') : {};
  }
  return out;
}

/** Removes from `obj` every field in `prev` that is not in `next`. */
function removeDropped(obj: JsonObject, prev: JsonObject, next: JsonObject): void {
  for (const [fk, sub] of Object.entries(prev)) {
    if (!fk.startsWith('f:')) continue;
    const k = fk.slice(2);
    const n = next[fk];
    if (n === undefined) {
      Reflect.deleteProperty(obj, k);
    } else if (isObject(sub) && isObject(n) && isObject(obj[k])) {
      removeDropped(obj[k] as JsonObject, sub, n);
    }
  }
}

function deepMerge(live: unknown, applied: unknown): unknown {
  if (!isObject(applied) || !isObject(live)) return applied;
  const out: JsonObject = { ...live };
  for (const [k, v] of Object.entries(applied))
    out[k] = v === null ? undefined : deepMerge(out[k], v);
  for (const k of Object.keys(out)) if (out[k] === undefined) Reflect.deleteProperty(out, k);
  return out;
}

export function applyConfig(
  live: JsonObject,
  applied: JsonObject,
  prevFields: JsonObject | undefined,
): JsonObject {
  const out = structuredClone(live);
  if (prevFields) removeDropped(out, prevFields, fieldSet(applied));
  return deepMerge(out, applied) as JsonObject;
}

export function previousApplyFields(obj: JsonObject, manager: string): JsonObject | undefined {
  const meta = isObject(obj.metadata) ? obj.metadata : {};
  const mf = Array.isArray(meta.managedFields) ? meta.managedFields : [];
  for (const e of mf)
    if (isObject(e) && e.manager === manager && e.operation === 'Apply' && isObject(e.fieldsV1))
      return e.fieldsV1;
  return undefined;
}
