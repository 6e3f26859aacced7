// Strategic merge patch for built-in kinds: a merge patch that also understands the directives
// kubectl sends ($patch, $retainKeys, $setElementOrder/<list>, $deleteFromPrimitiveList/<list>)
// and merges the few keyed lists our built-in kinds have. Other lists are replaced, as the
// Kubernetes schema says for RBAC rules and subjects.
import { errors } from '../errors/status.js';
import { isObject } from '../util/kobj.js';

/** Lists merged by key (path of field names from the object root, numeric indexes skipped). */
const MERGE_KEYS: Record<string, string> = {
  'metadata.ownerReferences': 'uid',
  secrets: 'name',
  imagePullSecrets: 'name',
};
/** Lists of scalars merged as sets. */
const SET_LISTS = new Set(['metadata.finalizers']);

export function strategicMerge(target: unknown, patch: unknown, path = ''): unknown {
  if (!isObject(patch)) return patch;
  if (patch.$patch === 'replace') {
    const { $patch: _p, ...rest } = patch;
    return stripDirectives(rest);
  }
  if (patch.$patch === 'delete') return undefined;
  const base: Record<string, unknown> = isObject(target) ? { ...target } : {};
  const retain = patch.$retainKeys;
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$')) {
      if (k.startsWith('$deleteFromPrimitiveList/')) {
        const field = k.slice('$deleteFromPrimitiveList/'.length);
        const cur = base[field];
        if (Array.isArray(cur) && Array.isArray(v)) base[field] = cur.filter((x) => !v.includes(x));
      } else if (!['$patch', '$retainKeys'].includes(k) && !k.startsWith('$setElementOrder/')) {
        throw errors.badRequest(`unknown strategic merge patch directive: ${k}`);
      }
      continue;
    }
    const p = path ? `${path}.${k}` : k;
    if (v === null) {
      Reflect.deleteProperty(base, k);
    } else if (Array.isArray(v)) {
      base[k] = mergeList(base[k], v, p);
    } else if (isObject(v)) {
      const merged = strategicMerge(base[k], v, p);
      if (merged === undefined) Reflect.deleteProperty(base, k);
      else base[k] = merged;
    } else {
      base[k] = v;
    }
  }
  if (Array.isArray(retain))
    for (const k of Object.keys(base)) if (!retain.includes(k)) Reflect.deleteProperty(base, k);
  return base;
}

function mergeList(cur: unknown, patch: unknown[], path: string): unknown[] {
  const key = MERGE_KEYS[path];
  const current = Array.isArray(cur) ? cur : [];
  if (SET_LISTS.has(path)) {
    const out = [...current];
    for (const x of patch) if (!out.includes(x)) out.push(x);
    return out;
  }
  if (!key) return patch.map((x) => stripDirectives(x));
  const out = [...current];
  for (const item of patch) {
    if (!isObject(item)) continue;
    const i = out.findIndex((x) => isObject(x) && x[key] === item[key]);
    if (item.$patch === 'delete') {
      if (i >= 0) out.splice(i, 1);
    } else if (i >= 0) out[i] = strategicMerge(out[i], item, path);
    else out.push(stripDirectives(item));
  }
  return out;
}

function stripDirectives(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripDirectives);
  if (!isObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (!k.startsWith('$')) out[k] = stripDirectives(x);
  return out;
}
