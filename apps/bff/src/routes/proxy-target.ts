import type { AccessCheck } from '../access/caller.js';
import { ForbiddenError, InputError } from '../errors/http-errors.js';
import {
  accessCheckOf,
  canonicalSegments,
  isSecretRequest,
  parseKubeBool,
  parseRequestInfo,
  type KubeRequestInfo,
} from '../kube/request-info.js';

/** Query parameters of get/list/watch, passed on canonicalised; anything else is refused. */
const PASSED = new Set([
  'labelSelector',
  'fieldSelector',
  'limit',
  'continue',
  'resourceVersion',
  'resourceVersionMatch',
  'timeoutSeconds',
]);
const BOOLEANS = new Set(['watch', 'allowWatchBookmarks', 'sendInitialEvents']);

/**
 * Subresources the read-only proxy serves. `status` is an object like any other; `log`, `exec`,
 * `attach`, `portforward` and `proxy` reach into workloads and nothing in Wharf needs them.
 */
const SERVED_SUBRESOURCES = new Set(['status']);

export interface ProxyTarget {
  info: KubeRequestInfo;
  /** Canonical path and query sent upstream (nothing of the client's spelling survives). */
  upstream: string;
  /** What to authorize before the request goes out; undefined for discovery. */
  check?: AccessCheck;
  secrets: boolean;
  watch: boolean;
  /** Seconds a watch may stay open. */
  watchSeconds: number;
}

/** The one name a `metadata.name=<n>` field selector narrows a list or watch to (as RBAC reads it). */
function selectedName(fieldSelector: string | undefined): string | undefined {
  const m = fieldSelector?.match(/^metadata\.name==?([^,=!]+)$/);
  return m?.[1];
}

/**
 * Turns the proxied part of a request URL (`/api/v1/...?...`) into what goes upstream. Refuses,
 * with a 4xx that says why, anything but get/list/watch of objects and discovery.
 */
export function proxyTarget(rawUrl: string, maxWatchSeconds: number): ProxyTarget {
  const q = rawUrl.indexOf('?');
  const rawPath = q < 0 ? rawUrl : rawUrl.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : rawUrl.slice(q + 1));
  const out = new URLSearchParams();
  const flags: Record<string, boolean> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    if (values.length > 1) throw new InputError(`The query parameter ${key} is given twice.`);
    const value = values[0] ?? '';
    if (BOOLEANS.has(key)) flags[key] = parseKubeBool(value, key);
    else if (PASSED.has(key)) out.set(key, value);
    else throw new InputError(`The Kubernetes proxy does not pass the query parameter "${key}".`);
  }
  const info = parseRequestInfo(canonicalSegments(rawPath), flags.watch === true);
  if (info.kind === 'discovery') {
    return { info, upstream: info.path, secrets: false, watch: false, watchSeconds: 0 };
  }
  if (info.subresource && !SERVED_SUBRESOURCES.has(info.subresource)) {
    throw new ForbiddenError(
      `The Kubernetes proxy serves objects only; the subresource "${info.subresource}" is not served.`,
    );
  }
  const watch = info.verb === 'watch';
  let watchSeconds = 0;
  if (watch) {
    const asked = Number(out.get('timeoutSeconds') ?? maxWatchSeconds);
    if (!Number.isInteger(asked) || asked < 0)
      throw new InputError('timeoutSeconds must be a whole number of seconds.');
    watchSeconds = asked === 0 ? maxWatchSeconds : Math.min(asked, maxWatchSeconds);
    out.set('timeoutSeconds', String(watchSeconds));
    if (!info.legacyWatch) out.set('watch', 'true');
  }
  for (const flag of ['allowWatchBookmarks', 'sendInitialEvents'])
    if (flags[flag]) out.set(flag, 'true');
  out.sort();
  const check = accessCheckOf(info);
  const narrowed = info.name ? undefined : selectedName(out.get('fieldSelector') ?? undefined);
  const query = out.toString();
  return {
    info,
    upstream: query ? `${info.path}?${query}` : info.path,
    check: narrowed ? { ...check, name: narrowed } : check,
    secrets: isSecretRequest(info),
    watch,
    watchSeconds,
  };
}
