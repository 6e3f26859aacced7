// The shape every stored Kubernetes object has; everything else stays `unknown` until checked.
export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
  ownerReferences?: OwnerReference[];
  managedFields?: unknown[];
  [key: string]: unknown;
}

export interface KObj {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
}

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function clone<T>(v: T): T {
  return structuredClone(v);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/** Reads an unknown value as an object with a metadata block, or says why it is not one. */
export function asKObj(v: unknown): KObj | string {
  if (!isObject(v)) return 'the request body must be a JSON or YAML object';
  const meta = v.metadata === undefined ? {} : v.metadata;
  if (!isObject(meta)) return 'metadata must be an object';
  for (const k of ['labels', 'annotations'] as const) {
    const m = meta[k];
    if (m === undefined || m === null) continue;
    if (!isObject(m) || Object.values(m).some((x) => typeof x !== 'string'))
      return `metadata.${k} must be a map of string to string`;
  }
  return {
    ...v,
    apiVersion: typeof v.apiVersion === 'string' ? v.apiVersion : '',
    kind: typeof v.kind === 'string' ? v.kind : '',
    metadata: meta as ObjectMeta,
  };
}
