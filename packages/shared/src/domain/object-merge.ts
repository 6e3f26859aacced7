type Json = unknown;
type JsonMap = Record<string, Json>;

const isMap = (v: Json): v is JsonMap => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Fields the server and controllers change on their own; not a person's edit. */
const BOOKKEEPING = ['resourceVersion', 'managedFields', 'generation', 'uid', 'creationTimestamp'];

/** An object without `status` and the metadata Kubernetes maintains itself. */
export function withoutBookkeeping(obj: Json): Json {
  if (!isMap(obj)) return obj;
  const { status: _status, ...rest } = obj;
  if (!isMap(rest.metadata)) return rest;
  const metadata = Object.fromEntries(
    Object.entries(rest.metadata).filter(([k]) => !BOOKKEEPING.includes(k)),
  );
  return { ...rest, metadata };
}

export function deepEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/** True when two versions differ only in status and server bookkeeping (resourceVersion…). */
export function sameContent(a: Json, b: Json): boolean {
  return deepEqual(withoutBookkeeping(a), withoutBookkeeping(b));
}

export type MergeResult =
  { merged: Json; conflicts: [] } | { merged?: undefined; conflicts: string[] };

/**
 * Three-way merge of JSON: the changes from `base` to `mine` applied onto `theirs`. Maps merge
 * key by key; lists and scalars are atomic. Where both sides changed the same value differently,
 * the path is a conflict and nothing is merged.
 */
export function merge3(base: Json, mine: Json, theirs: Json, path = ''): MergeResult {
  if (deepEqual(mine, base)) return { merged: theirs, conflicts: [] };
  if (deepEqual(theirs, base) || deepEqual(mine, theirs)) return { merged: mine, conflicts: [] };
  if (isMap(base) && isMap(mine) && isMap(theirs)) {
    const out: JsonMap = {};
    const conflicts: string[] = [];
    for (const k of new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)])) {
      const r = merge3(base[k], mine[k], theirs[k], path ? `${path}.${k}` : k);
      if (r.conflicts.length) conflicts.push(...r.conflicts);
      else if (r.merged !== undefined) out[k] = r.merged;
    }
    return conflicts.length ? { conflicts } : { merged: out, conflicts: [] };
  }
  return { conflicts: [path || '(whole object)'] };
}
