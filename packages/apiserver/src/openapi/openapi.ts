// OpenAPI v3 (per group-version, as kubectl explain and apply read it) and a v2 document.
import { createHash } from 'node:crypto';
import type { Catalog } from '../registry/catalog.js';
import type { ResourceDef } from '../registry/resource-def.js';
import type { JsonObject } from '../util/kobj.js';
import { kindSchema, OBJECT_META, OBJECT_META_NAME, schemaName } from './schemas.js';

const WRITE_PARAMS = ['dryRun', 'fieldManager', 'fieldValidation'].map((name) => ({
  name,
  in: 'query',
  schema: { type: 'string', uniqueItems: true },
}));

function ref(name: string): JsonObject {
  return { $ref: `#/components/schemas/${name}` };
}

function paths(def: ResourceDef, version: string): JsonObject {
  const prefix = def.group ? `/apis/${def.group}/${version}` : `/api/${version}`;
  const coll = def.namespaced
    ? `${prefix}/namespaces/{namespace}/${def.resource}`
    : `${prefix}/${def.resource}`;
  const gvk = { group: def.group, version, kind: def.kind };
  const body = (n: string) => ({ content: { 'application/json': { schema: ref(n) } } });
  const resp = (n: string) => ({
    '200': { description: 'OK', content: { 'application/json': { schema: ref(n) } } },
  });
  const name = schemaName(def, version);
  const op = (action: string, extra: JsonObject = {}): JsonObject => ({
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': gvk,
    responses: resp(name),
    ...extra,
  });
  if (def.virtual)
    return { [coll]: { post: op('post', { parameters: WRITE_PARAMS, requestBody: body(name) }) } };
  return {
    [coll]: {
      get: op('list'),
      post: op('post', { parameters: WRITE_PARAMS, requestBody: body(name) }),
      delete: op('deletecollection'),
    },
    [`${coll}/{name}`]: {
      get: op('get'),
      put: op('put', { parameters: WRITE_PARAMS, requestBody: body(name) }),
      patch: op('patch', {
        parameters: [...WRITE_PARAMS, { name: 'force', in: 'query', schema: { type: 'boolean' } }],
        requestBody: {
          content: { 'application/merge-patch+json': { schema: { type: 'object' } } },
        },
      }),
      delete: op('delete'),
    },
  };
}

export function openapiV3Doc(
  catalog: Catalog,
  group: string,
  version: string,
): JsonObject | undefined {
  const defs = catalog.all().filter((d) => d.group === group && d.versions.includes(version));
  if (!defs.length) return undefined;
  const schemas: JsonObject = { [OBJECT_META_NAME]: OBJECT_META };
  let allPaths: JsonObject = {};
  for (const d of defs) {
    schemas[schemaName(d, version)] = kindSchema(d, version);
    allPaths = { ...allPaths, ...paths(d, version) };
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.32.0' },
    paths: allPaths,
    components: { schemas },
  };
}

export function openapiV3Index(catalog: Catalog): JsonObject {
  const out: JsonObject = {};
  for (const [g, vs] of catalog.groups()) {
    for (const v of vs) {
      const key = g ? `apis/${g}/${v}` : `api/${v}`;
      const hash = createHash('sha512')
        .update(JSON.stringify(openapiV3Doc(catalog, g, v)))
        .digest('hex')
        .slice(0, 64);
      out[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${hash}` };
    }
  }
  return { paths: out };
}
