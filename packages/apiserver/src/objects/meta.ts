// System-owned metadata: uid, timestamps, generation.
import { randomUUID } from 'node:crypto';
import type { ResourceDef } from '../registry/resource-def.js';
import { deepEqual, type KObj } from '../util/kobj.js';

/** RFC 3339 with second precision, as Kubernetes serializes metav1.Time. */
export function now(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}

export function stampNew(def: ResourceDef, obj: KObj): void {
  const m = obj.metadata;
  m.uid = randomUUID();
  m.creationTimestamp = now();
  delete m.resourceVersion;
  delete m.deletionTimestamp;
  delete m.deletionGracePeriodSeconds;
  if (def.generation) m.generation = 1;
  else delete m.generation;
}

/** Copies the fields clients may not change from the stored object. */
export function keepSystemFields(obj: KObj, old: KObj): void {
  const m = obj.metadata;
  const o = old.metadata;
  for (const k of [
    'uid',
    'creationTimestamp',
    'deletionTimestamp',
    'deletionGracePeriodSeconds',
    'generation',
    'namespace',
    'name',
  ] as const) {
    if (o[k] === undefined) Reflect.deleteProperty(m, k);
    else (m as Record<string, unknown>)[k] = o[k];
  }
}

function withoutMetaAndStatus(o: KObj): Record<string, unknown> {
  const { metadata: _m, status: _s, apiVersion: _a, kind: _k, ...rest } = o;
  return rest;
}

export function bumpGeneration(def: ResourceDef, obj: KObj, old: KObj): void {
  if (!def.generation) return;
  const g = old.metadata.generation ?? 1;
  obj.metadata.generation = deepEqual(withoutMetaAndStatus(obj), withoutMetaAndStatus(old))
    ? g
    : g + 1;
}

/** True when an update would change nothing a client can observe. */
export function sameObject(a: KObj, b: KObj): boolean {
  const strip = (o: KObj) => ({
    ...o,
    apiVersion: '',
    metadata: { ...o.metadata, resourceVersion: '', managedFields: undefined },
  });
  return deepEqual(strip(a), strip(b));
}

/** Kubernetes omits empty metadata lists and maps (omitempty). */
export function tidyMeta(obj: KObj): void {
  const m = obj.metadata;
  for (const k of ['finalizers', 'ownerReferences', 'managedFields'] as const)
    if (Array.isArray(m[k]) && !m[k].length) Reflect.deleteProperty(m, k);
  for (const k of ['labels', 'annotations'] as const) {
    const v = m[k];
    if (v && !Object.keys(v).length) Reflect.deleteProperty(m, k);
  }
}
