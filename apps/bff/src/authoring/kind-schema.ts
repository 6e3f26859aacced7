import {
  AUTHORING_KINDS,
  type AuthoringResource,
  type KindSchemaResult,
} from '@wharf/shared/authoring';
import type { Caller } from '../access/caller.js';
import { NotFoundError } from '../errors/http-errors.js';
import { KubeClient } from '../kube/kube-client.js';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Replaces `$ref`s (and `allOf: [{$ref}]`, as Kubernetes wraps them) with the schemas they name. */
function inline(node: unknown, components: Json, depth = 0): unknown {
  if (Array.isArray(node)) return node.map((n) => inline(n, components, depth));
  if (!isObj(node)) return node;
  const ref = typeof node.$ref === 'string' ? node.$ref : undefined;
  if (ref) {
    const target = components[ref.replace('#/components/schemas/', '')];
    const { $ref: _ref, ...rest } = node;
    return depth > 20 ? rest : { ...(inline(target, components, depth + 1) as Json), ...rest };
  }
  if (Array.isArray(node.allOf) && node.allOf.length === 1 && !node.type) {
    const { allOf, ...rest } = node;
    return { ...(inline(allOf[0], components, depth + 1) as Json), ...rest };
  }
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [k, inline(v, components, depth)]),
  );
}

const cache = new Map<string, { at: number; doc: Json }>();
const TTL_MS = 30_000;

/**
 * The kind's schema exactly as the cluster publishes it (`/openapi/v3`): for Kargo's kinds, the
 * installed CRDs' own. Read as the caller (discovery is open to every signed-in user), kept 30 s.
 */
export async function kindSchema(
  caller: Caller,
  resource: AuthoringResource,
): Promise<KindSchemaResult> {
  const k = AUTHORING_KINDS[resource];
  const gv = k.group ? `apis/${k.group}/${k.version}` : `api/${k.version}`;
  let entry = cache.get(gv);
  if (!entry || Date.now() - entry.at > TTL_MS) {
    const client = new KubeClient(caller.discoveryKubeConfig());
    const index = (await client.get('/openapi/v3')) as {
      paths?: Record<string, { serverRelativeURL?: string }>;
    };
    const url = index.paths?.[gv]?.serverRelativeURL;
    if (!url) throw new NotFoundError(`The cluster publishes no OpenAPI schema for ${gv}.`);
    entry = { at: Date.now(), doc: (await client.get(url)) as Json };
    cache.set(gv, entry);
  }
  const components = (
    isObj(entry.doc.components) && isObj(entry.doc.components.schemas)
      ? entry.doc.components.schemas
      : {}
  ) as Json;
  const found = Object.values(components).find(
    (s) =>
      isObj(s) &&
      Array.isArray(s['x-kubernetes-group-version-kind']) &&
      s['x-kubernetes-group-version-kind'].some(
        (g: unknown) =>
          isObj(g) && g.kind === k.kind && g.group === k.group && g.version === k.version,
      ),
  );
  if (!found) throw new NotFoundError(`The cluster publishes no schema for ${k.kind}.`);
  return { resource, kind: k.kind, schema: inline(found, components) as Json };
}
