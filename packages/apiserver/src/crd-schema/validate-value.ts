import { duplicate, invalid, notSupported, tooLong, tooMany, typeInvalid } from './field-errors.js';
import { deepEqual } from './deep-equal.js';
import { formatValid } from './formats.js';
import { compileGoRegexp } from './go-regexp.js';
import { jsonType } from './json-type.js';
import type { FieldCause, Schema } from './types.js';

// Value checks on one node (no recursion), worded as Kubernetes words them:
// `<path> in body should match '<pattern>'` and friends.

const inBody = (path: string) => (path ? `${path} in body` : 'in body');

export function checkEnum(schema: Schema, path: string, value: unknown): FieldCause[] {
  if (!schema.enum || schema.enum.includes(value)) return [];
  if (typeof value === 'object' && schema.enum.some((allowed) => deepEqual(allowed, value)))
    return [];
  return [notSupported(path, value, schema.enum)];
}

export function checkString(schema: Schema, path: string, value: string): FieldCause[] {
  const out: FieldCause[] = [];
  const length = [...value].length;
  if (schema.maxLength !== undefined && length > schema.maxLength)
    out.push(tooLong(path, schema.maxLength));
  if (schema.minLength !== undefined && length < schema.minLength) {
    out.push(
      invalid(path, value, `${inBody(path)} should be at least ${schema.minLength} chars long`),
    );
  }
  if (schema.pattern !== undefined) {
    const re = compileGoRegexp(schema.pattern);
    if (typeof re === 'string') {
      // Only a CRD stored before its pattern was checked can get here; Kubernetes words it so.
      out.push(
        invalid(
          path,
          value,
          `${inBody(path)} should match '${schema.pattern}, but pattern is invalid: ${re}'`,
        ),
      );
    } else if (!re.test(value)) {
      out.push(invalid(path, value, `${inBody(path)} should match '${schema.pattern}'`));
    }
  }
  if (schema.format !== undefined && !formatValid(schema.format, value)) {
    out.push(
      typeInvalid(
        path,
        value,
        `${inBody(path)} must be of type ${schema.format}: ${JSON.stringify(value)}`,
      ),
    );
  }
  return out;
}

export function checkNumber(schema: Schema, path: string, value: number): FieldCause[] {
  const out: FieldCause[] = [];
  const { maximum, minimum, multipleOf } = schema;
  if (maximum !== undefined && (schema.exclusiveMaximum ? value >= maximum : value > maximum)) {
    const how = schema.exclusiveMaximum ? 'less than' : 'less than or equal to';
    out.push(invalid(path, value, `${inBody(path)} should be ${how} ${maximum}`));
  }
  if (minimum !== undefined && (schema.exclusiveMinimum ? value <= minimum : value < minimum)) {
    const how = schema.exclusiveMinimum ? 'greater than' : 'greater than or equal to';
    out.push(invalid(path, value, `${inBody(path)} should be ${how} ${minimum}`));
  }
  if (multipleOf !== undefined && multipleOf > 0 && !Number.isInteger(value / multipleOf)) {
    out.push(invalid(path, value, `${inBody(path)} should be a multiple of ${multipleOf}`));
  }
  return out;
}

export function checkArray(schema: Schema, path: string, value: unknown[]): FieldCause[] {
  const out: FieldCause[] = [];
  if (schema.maxItems !== undefined && value.length > schema.maxItems) {
    out.push(tooMany(path, value.length, schema.maxItems, 'items'));
  }
  if (schema.minItems !== undefined && value.length < schema.minItems) {
    out.push(invalid(path, value, `${inBody(path)} should have at least ${schema.minItems} items`));
  }
  if (schema.uniqueItems) {
    const seen: unknown[] = [];
    for (const item of value) {
      if (seen.some((s) => deepEqual(s, item))) out.push(duplicate(path, item));
      else seen.push(item);
    }
  }
  return out;
}

export function checkObjectSize(
  schema: Schema,
  path: string,
  value: Record<string, unknown>,
): FieldCause[] {
  const count = Object.keys(value).length;
  const out: FieldCause[] = [];
  if (schema.maxProperties !== undefined && count > schema.maxProperties) {
    out.push(tooMany(path, count, schema.maxProperties, 'items'));
  }
  if (schema.minProperties !== undefined && count < schema.minProperties) {
    out.push(
      invalid(
        path,
        value,
        `${inBody(path)} should have at least ${schema.minProperties} properties`,
      ),
    );
  }
  return out;
}

export function typeError(path: string, value: unknown, wanted: string): FieldCause {
  const actual = jsonType(value);
  const cause = typeInvalid(
    path,
    actual,
    `${inBody(path)} must be of type ${wanted}: ${JSON.stringify(actual)}`,
  );
  return cause;
}

export { inBody };
