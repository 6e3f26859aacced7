import type { AccessCheck } from '../access/caller.js';
import { InputError } from '../errors/http-errors.js';

/**
 * What a Kubernetes API request asks for, derived the way kube-apiserver's RequestInfoFactory
 * derives it, from a path that was canonicalised first. Every decision about a proxied request
 * (may it be served, is it Secret data, is it a stream) is made from this, never from the raw path.
 */
export type KubeRequestInfo =
  | { kind: 'discovery'; path: string }
  | {
      kind: 'resource';
      verb: 'get' | 'list' | 'watch';
      /** `''` for the core group (`/api/v1`). */
      group: string;
      version: string;
      namespace?: string;
      resource: string;
      name?: string;
      subresource?: string;
      /** `/api/v1/watch/...` or `/apis/<g>/<v>/watch/...`: a watch whatever the query says. */
      legacyWatch: boolean;
      /** The canonical path: decoded, cleaned, re-encoded one way. */
      path: string;
    };

export type ResourceRequestInfo = Extract<KubeRequestInfo, { kind: 'resource' }>;

/** Characters no Kubernetes path segment holds once decoded; each makes a path ambiguous. */
const AMBIGUOUS = /[/\\%?#\p{Cc}]/u;

/**
 * Decodes each segment, then cleans dot segments (`.`, `..`, and their percent-encoded forms,
 * which URL parsers also treat as dots) and empty segments. Refuses what could be read two
 * ways: an encoded slash or backslash, a `%` left after decoding (double encoding), control
 * characters, malformed escapes, or `..` above the root.
 */
export function canonicalSegments(rawPath: string): string[] {
  if (!rawPath.startsWith('/')) throw new InputError('A Kubernetes API path starts with "/".');
  const out: string[] = [];
  for (const raw of rawPath.split('/')) {
    if (raw.includes('\\')) throw new InputError('The path may not contain a backslash.');
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      throw new InputError('The path holds a malformed percent-encoding.');
    }
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) throw new InputError('The path climbs above the API root ("..").');
      out.pop();
      continue;
    }
    if (AMBIGUOUS.test(seg)) {
      throw new InputError(
        'A path segment decodes to "/", "\\", "%", "?", "#" or a control character; Kubernetes names never hold these.',
      );
    }
    out.push(seg);
  }
  return out;
}

const encodePath = (segments: string[]) => '/' + segments.map(encodeURIComponent).join('/');

/** Go's strconv.ParseBool, which the API server uses for `watch=`. */
export function parseKubeBool(value: string, name: string): boolean {
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(value)) return false;
  throw new InputError(`The query parameter ${name} must be true or false.`);
}

/**
 * Parses canonical segments plus the query's `watch` flag. `/api`, `/apis`, `/api/<v>`,
 * `/apis/<g>` and `/apis/<g>/<v>` are discovery; anything else under /api or /apis names a
 * resource (at most resource/name/subresource after the namespace); other paths are refused.
 */
export function parseRequestInfo(segments: string[], watchParam: boolean): KubeRequestInfo {
  const [prefix, ...after] = segments;
  let group: string;
  let version: string;
  let rest: string[];
  if (prefix === 'api') {
    if (after.length <= 1) return { kind: 'discovery', path: encodePath(segments) };
    group = '';
    version = after[0] ?? '';
    rest = after.slice(1);
  } else if (prefix === 'apis') {
    if (after.length <= 2) return { kind: 'discovery', path: encodePath(segments) };
    group = after[0] ?? '';
    version = after[1] ?? '';
    rest = after.slice(2);
  } else {
    throw new InputError('Only Kubernetes API paths (/api/... or /apis/...) are served here.');
  }
  const legacyWatch = rest[0] === 'watch';
  if (legacyWatch) rest = rest.slice(1);
  let namespace: string | undefined;
  // `namespaces/<n>` alone, or with `status`/`finalize`, is the Namespace object itself.
  const namespaceObject =
    rest.length === 2 || (rest.length === 3 && ['status', 'finalize'].includes(rest[2] ?? ''));
  if (rest[0] === 'namespaces' && rest.length >= 3 && !namespaceObject) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [resource, name, subresource] = rest;
  if (!resource) throw new InputError('The path names no resource.');
  if (rest.length > 3) {
    throw new InputError('The path goes deeper than resource/name/subresource; it is not served.');
  }
  const verb = legacyWatch || watchParam ? 'watch' : name ? 'get' : 'list';
  return {
    kind: 'resource',
    verb,
    group,
    version,
    ...(namespace !== undefined ? { namespace } : {}),
    resource,
    ...(name !== undefined ? { name } : {}),
    ...(subresource !== undefined ? { subresource } : {}),
    legacyWatch,
    path: encodePath(segments),
  };
}

/** The access check the API server makes for a request (RBAC's attributes). */
export function accessCheckOf(info: ResourceRequestInfo): AccessCheck {
  return {
    verb: info.verb,
    group: info.group,
    resource: info.resource,
    ...(info.subresource ? { subresource: info.subresource } : {}),
    ...(info.namespace ? { namespace: info.namespace } : {}),
    ...(info.name ? { name: info.name } : {}),
  };
}

/** Core-group Secrets, compared without case so no spelling of the resource slips past. */
export function isSecretRequest(info: KubeRequestInfo): boolean {
  return info.kind === 'resource' && info.group === '' && info.resource.toLowerCase() === 'secrets';
}
