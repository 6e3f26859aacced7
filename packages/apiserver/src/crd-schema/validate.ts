import { child, index } from './field-path.js';
import { checkCombinators } from './combinators.js';
import { required } from './field-errors.js';
import { typeMatches, wantedType } from './json-type.js';
import { deepEqual } from './deep-equal.js';
import { checkListType, correlateItem } from './list-types.js';
import type { FieldCause, Schema } from './types.js';
import { additionalSchema, isObject } from './types.js';
import {
  checkArray,
  checkEnum,
  checkNumber,
  checkObjectSize,
  checkString,
  typeError,
} from './validate-value.js';

/**
 * OpenAPI v3 validation of `value` at `path` against a structural schema, recursively.
 * `old` is the correlated stored value on update: values an update leaves unchanged
 * are not re-judged (Kubernetes' CRD validation ratcheting, on by default since 1.30),
 * so tightening a schema does not block unrelated edits of old objects.
 */
export function validateNode(
  schema: Schema,
  path: string,
  value: unknown,
  old?: unknown,
): FieldCause[] {
  if (old !== undefined && deepEqual(value, old)) return [];
  const combinators = () => checkCombinators(validateNode, schema, path, value);
  if (!typeMatches(schema, value)) {
    // Kubernetes still reports enum and combinator failures beside a type error.
    const also = value === null ? [] : [...checkEnum(schema, path, value), ...combinators()];
    return [typeError(path, value, wantedType(schema)), ...also];
  }
  if (value === null) return [];
  const out: FieldCause[] = [...checkEnum(schema, path, value), ...combinators()];
  if (typeof value === 'string') out.push(...checkString(schema, path, value));
  else if (typeof value === 'number') out.push(...checkNumber(schema, path, value));
  else if (Array.isArray(value)) out.push(...validateArray(schema, path, value, old));
  else if (isObject(value)) out.push(...validateObject(schema, path, value, old));
  return out;
}

function validateArray(schema: Schema, path: string, value: unknown[], old: unknown): FieldCause[] {
  const out = checkArray(schema, path, value);
  if (schema.items) {
    const items = schema.items;
    value.forEach((item, i) =>
      out.push(...validateNode(items, index(path, i), item, correlateItem(schema, item, old))),
    );
  }
  out.push(...checkListType(schema, path, value));
  return out;
}

function validateObject(
  schema: Schema,
  path: string,
  value: Record<string, unknown>,
  old: unknown,
): FieldCause[] {
  const out: FieldCause[] = [];
  for (const name of schema.required ?? []) {
    if (!Object.hasOwn(value, name)) out.push(required(child(path, name)));
  }
  if (schema['x-kubernetes-embedded-resource']) {
    // An embedded object must say what it is, as a stored resource does.
    for (const name of ['apiVersion', 'kind']) {
      if (typeof value[name] !== 'string' || value[name] === '')
        out.push(required(child(path, name), 'must not be empty'));
    }
  }
  const props = schema.properties ?? {};
  const extra = additionalSchema(schema);
  for (const [key, item] of Object.entries(value)) {
    const sub = props[key] ?? extra;
    if (sub)
      out.push(...validateNode(sub, child(path, key), item, isObject(old) ? old[key] : undefined));
  }
  out.push(...checkObjectSize(schema, path, value));
  return out;
}
