import type { Schema } from './types.js';
import { additionalSchema, isObject } from './types.js';

/**
 * Applies structural `default`s in place, top down: a missing property (or a null
 * one that is not nullable) takes its default, so nested defaults apply only
 * where their parent exists. Non-nullable nulls without a default are dropped,
 * as Kubernetes does before validating.
 */
export function defaultNode(schema: Schema, value: unknown): void {
  if (Array.isArray(value)) {
    if (schema.items) for (const item of value) defaultNode(schema.items, item);
    return;
  }
  if (!isObject(value)) return;
  for (const [key, sub] of Object.entries(schema.properties ?? {})) {
    const missing = !Object.hasOwn(value, key);
    const nullNotAllowed = value[key] === null && sub.nullable !== true;
    if ((missing || nullNotAllowed) && sub.default !== undefined)
      value[key] = structuredClone(sub.default);
    else if (nullNotAllowed) Reflect.deleteProperty(value, key);
  }
  const extra = additionalSchema(schema);
  for (const [key, item] of Object.entries(value)) {
    const sub = schema.properties?.[key] ?? extra;
    if (sub) defaultNode(sub, item);
  }
}
