import type { AccessCheck } from './caller-seam.js';

const WRITE_VERBS: Record<string, string> = { POST: 'create', PUT: 'update', PATCH: 'patch' };

/**
 * The access check a Kubernetes API request path stands for, as the API server derives it:
 * `/api/v1/namespaces/ns/secrets/x` → get secrets "x" in ns; no name → list (or watch with
 * `watch=true`). Discovery paths (`/api`, `/apis/g/v`) answer undefined: every user may read them.
 */
export function accessCheckForPath(
  method: string,
  path: string,
  query = '',
): AccessCheck | undefined {
  const parts = path.split('/').filter(Boolean);
  let group: string;
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 2) {
    group = '';
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 3) {
    group = parts[1] ?? '';
    rest = parts.slice(3);
  } else {
    return undefined;
  }
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [resource, name, subresource] = rest;
  if (!resource) return undefined;
  const watch = /(^|[?&])watch=(true|1)(&|$)/.test(query.replace(/^\?/, ''));
  const m = method.toUpperCase();
  const verb =
    m === 'GET' || m === 'HEAD'
      ? name
        ? 'get'
        : watch
          ? 'watch'
          : 'list'
      : m === 'DELETE'
        ? name
          ? 'delete'
          : 'deletecollection'
        : (WRITE_VERBS[m] ?? m.toLowerCase());
  return {
    verb,
    group,
    resource,
    ...(subresource ? { subresource } : {}),
    ...(namespace ? { namespace } : {}),
    ...(name ? { name } : {}),
  };
}
