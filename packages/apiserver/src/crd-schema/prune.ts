import type { Schema } from './types.js';
import { additionalSchema, isObject } from './types.js';

const ROOT_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

/**
 * Removes, in place, every field the structural schema does not specify, as the
 * API server does before storing a custom resource. Subtrees marked
 * x-kubernetes-preserve-unknown-fields keep unknown fields (known ones are still
 * pruned below them); apiVersion, kind and metadata survive at the root and in
 * x-kubernetes-embedded-resource objects.
 */
export function pruneNode(schema: Schema, value: unknown, isResource: boolean): void {
  if (Array.isArray(value)) {
    if (schema.items) for (const item of value) pruneNode(schema.items, item, false);
    return;
  }
  if (!isObject(value)) return;
  const props = schema.properties ?? {};
  const extra = additionalSchema(schema);
  const preserve =
    schema['x-kubernetes-preserve-unknown-fields'] === true || schema.additionalProperties === true;
  for (const key of Object.keys(value)) {
    const sub = props[key] ?? extra;
    if (isResource && ROOT_FIELDS.has(key)) continue;
    if (sub) pruneNode(sub, value[key], sub['x-kubernetes-embedded-resource'] === true);
    else if (!preserve) Reflect.deleteProperty(value, key);
  }
}
