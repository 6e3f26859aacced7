import { AUTHORING_KINDS, type AuthoringResource } from '@wharf/shared/authoring';

/** REST path of an authorable collection (no name) or object, in `namespace` when namespaced. */
export function objectPath(resource: AuthoringResource, namespace?: string, name?: string): string {
  const k = AUTHORING_KINDS[resource];
  let p = k.group ? `/apis/${k.group}/${k.version}` : `/api/${k.version}`;
  if (k.namespaced) p += `/namespaces/${encodeURIComponent(namespace ?? '')}`;
  p += `/${resource}`;
  if (name) p += `/${encodeURIComponent(name)}`;
  return p;
}

/** Fields the server owns or that are noise in an editor: never shown, never sent back. */
export function forEditing(obj: Record<string, unknown>): Record<string, unknown> {
  const { status: _status, ...rest } = obj;
  const meta = (rest.metadata ?? {}) as Record<string, unknown>;
  const { managedFields: _mf, ...metadata } = meta;
  return { ...rest, metadata };
}
