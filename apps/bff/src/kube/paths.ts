import { KARGO_GROUP, KARGO_VERSION } from '@wharf/shared';

/** REST path of a Kargo collection or object (`plural` as in KARGO_RESOURCES). */
export function kargoPath(plural: string, namespace?: string, name?: string, sub?: string): string {
  let p = `/apis/${KARGO_GROUP}/${KARGO_VERSION}`;
  if (namespace) p += `/namespaces/${encodeURIComponent(namespace)}`;
  p += `/${plural}`;
  if (name) p += `/${encodeURIComponent(name)}`;
  if (sub) p += `/${sub}`;
  return p;
}

export function corePath(plural: string, namespace?: string, name?: string): string {
  let p = '/api/v1';
  if (namespace) p += `/namespaces/${encodeURIComponent(namespace)}`;
  p += `/${plural}`;
  if (name) p += `/${encodeURIComponent(name)}`;
  return p;
}
