import type { Schema } from './types.js';
import { isObject } from './types.js';

/** The OpenAPI type name of a decoded JSON value. */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  if (isObject(value)) return 'object';
  return typeof value;
}

/** Whether `value` has the type `schema` asks for (no type = anything). */
export function typeMatches(schema: Schema, value: unknown): boolean {
  const actual = jsonType(value);
  if (actual === 'null')
    return schema.nullable === true || (!schema.type && !schema['x-kubernetes-int-or-string']);
  if (schema['x-kubernetes-int-or-string']) return actual === 'integer' || actual === 'string';
  if (!schema.type) return true;
  if (schema.type === 'number') return actual === 'number' || actual === 'integer';
  return schema.type === actual;
}

/** The type named in a type error: what the schema wanted. */
export function wantedType(schema: Schema): string {
  if (schema['x-kubernetes-int-or-string']) return 'integer,string';
  return schema.type ?? 'object';
}
