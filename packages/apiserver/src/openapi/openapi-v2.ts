// The OpenAPI v2 document. kubectl reads it (as protobuf) to validate the items of a `kind: List`
// on the client, rejecting any field a definition does not declare; so it must be exact where it
// is typed, and open where this server's schemas are partial.
import type { Catalog } from '../registry/catalog.js';
import type { ResourceDef } from '../registry/resource-def.js';
import type { JsonObject } from '../util/kobj.js';
import { kindSchema, OBJECT_META, OBJECT_META_NAME, schemaName } from './schemas.js';

const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A CRD's structural schema as Kubernetes publishes it in v2 (apiextensions' ToStructuralOpenAPIV2):
 * no junctors; nullable and preserve-unknown-fields nodes lose what kubectl would check them
 * against; an array left without items loses its type; nullable fields are not required.
 */
export function structuralToV2(schema: JsonObject): JsonObject {
  const { allOf: _allOf, anyOf: _anyOf, oneOf: _oneOf, not: _not, ...rest } = schema;
  const out: JsonObject = rest;
  if (out.nullable === true) {
    delete out.type;
    delete out.items;
    delete out.properties;
  }
  delete out.nullable;
  if (out['x-kubernetes-preserve-unknown-fields'] === true) {
    delete out.items;
    delete out.properties;
  }
  if (out.type === 'array' && out.items === undefined) delete out.type;
  const props = isObject(out.properties) ? out.properties : undefined;
  if (props) {
    if (Array.isArray(out.required)) {
      const required = (out.required as string[]).filter(
        (f) => !(isObject(props[f]) && props[f].nullable === true),
      );
      if (required.length) out.required = required;
      else delete out.required;
    }
    out.properties = Object.fromEntries(
      Object.entries(props).map(([k, v]) => [k, isObject(v) ? structuralToV2(v) : v]),
    );
  }
  if (isObject(out.additionalProperties)) {
    if (out.additionalProperties.nullable === true) delete out.required;
    out.additionalProperties = structuralToV2(out.additionalProperties);
  }
  if (isObject(out.items)) out.items = structuralToV2(out.items);
  return out;
}

function definition(def: ResourceDef, version: string): JsonObject {
  const v3 = kindSchema(def, version);
  const gvk = v3['x-kubernetes-group-version-kind'];
  // The built-in kinds' schemas here name only some of their fields; published typed, they
  // would make kubectl refuse valid manifests. Untyped, kubectl accepts any value of the kind.
  if (!def.openapi?.get(version))
    return { description: v3.description, 'x-kubernetes-group-version-kind': gvk };
  const out = structuralToV2(v3);
  out.properties = {
    ...(out.properties as JsonObject),
    metadata: {
      description: "Standard object's metadata.",
      $ref: `#/definitions/${OBJECT_META_NAME}`,
    },
  };
  return out;
}

export function openapiV2(catalog: Catalog): JsonObject {
  const definitions: JsonObject = { [OBJECT_META_NAME]: OBJECT_META };
  for (const d of catalog.all())
    for (const v of d.versions) definitions[schemaName(d, v)] = definition(d, v);
  return {
    swagger: '2.0',
    info: { title: 'Kubernetes', version: 'v1.32.0' },
    paths: {},
    definitions,
  };
}
