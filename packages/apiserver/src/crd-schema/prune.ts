import { child, index } from './field-path.js';
import type { Schema } from './types.js';
import { additionalSchema, isObject } from './types.js';

const ROOT_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

/**
 * Visits every field the structural schema does not specify, with its path as
 * Kubernetes names it in `unknown field "spec.steps[0].colour"`. Subtrees marked
 * x-kubernetes-preserve-unknown-fields keep unknown fields (known ones below them
 * are still checked); apiVersion, kind and metadata are left alone at the root and
 * in x-kubernetes-embedded-resource objects (metadata is ObjectMeta's business).
 */
export function visitUnknown(
  schema: Schema,
  value: unknown,
  isResource: boolean,
  path: string,
  onUnknown: (parent: Record<string, unknown>, key: string, path: string) => void,
): void {
  if (Array.isArray(value)) {
    const items = schema.items;
    if (items)
      value.forEach((item, i) => visitUnknown(items, item, false, index(path, i), onUnknown));
    return;
  }
  if (!isObject(value)) return;
  const props = schema.properties ?? {};
  const extra = additionalSchema(schema);
  const preserve =
    schema['x-kubernetes-preserve-unknown-fields'] === true || schema.additionalProperties === true;
  for (const key of Object.keys(value)) {
    if (isResource && ROOT_FIELDS.has(key)) continue;
    const sub = props[key] ?? extra;
    const at = child(path, key);
    if (sub)
      visitUnknown(sub, value[key], sub['x-kubernetes-embedded-resource'] === true, at, onUnknown);
    else if (!preserve) onUnknown(value, key, at);
  }
}

/** Removes, in place, every field the schema does not specify, as the API server does before storing. */
export function pruneNode(schema: Schema, value: unknown): void {
  visitUnknown(schema, value, true, '', (parent, key) => Reflect.deleteProperty(parent, key));
}

/** The paths of the fields pruning would drop, for fieldValidation=Strict errors and Warn warnings. */
export function unknownFieldPaths(schema: Schema, value: unknown): string[] {
  const out: string[] = [];
  visitUnknown(schema, value, true, '', (_parent, _key, path) => out.push(path));
  return out;
}
