import { forbidden, invalid, notSupported, required } from './field-errors.js';
import { child } from './field-path.js';
import type { FieldCause, Schema } from './types.js';
import { isObject } from './types.js';
import { checkListAndMapTypes } from './structural-lists.js';
import { compileGoRegexp } from './go-regexp.js';
import { validateNode } from './validate.js';

// Whether a CRD schema is structural (what Kubernetes demands of apiextensions.k8s.io/v1):
// every node has a type unless it is int-or-string or preserves unknown fields,
// properties and additionalProperties are exclusive, and combinators do not
// introduce types, properties or defaults.

const TYPES = ['array', 'boolean', 'integer', 'number', 'object', 'string'];

export function checkStructural(schema: Schema, path: string): FieldCause[] {
  const out: FieldCause[] = [];
  if (schema.type !== 'object') {
    out.push(
      schema.type
        ? invalid(child(path, 'type'), schema.type, 'must be object at the root')
        : required(child(path, 'type'), 'must not be empty at the root'),
    );
  }
  walk(schema, path, out, true);
  return out;
}

function walk(schema: Schema, path: string, out: FieldCause[], root: boolean): void {
  const intOrString = schema['x-kubernetes-int-or-string'] === true;
  const preserve = schema['x-kubernetes-preserve-unknown-fields'] === true;
  if (schema.type === undefined && !intOrString && !preserve && !root) {
    out.push(required(child(path, 'type'), 'must not be empty for specified object fields'));
  } else if (schema.type !== undefined && !TYPES.includes(schema.type)) {
    out.push(notSupported(child(path, 'type'), schema.type, TYPES));
  }
  if (intOrString && schema.type !== undefined) {
    out.push(forbidden(child(path, 'type'), 'must be empty if x-kubernetes-int-or-string is true'));
  }
  if (schema.properties && schema.additionalProperties !== undefined) {
    out.push(
      forbidden(
        child(path, 'additionalProperties'),
        'additionalProperties and properties are mutual exclusive',
      ),
    );
  }
  if (schema.additionalProperties === false) {
    out.push(forbidden(child(path, 'additionalProperties'), 'must not be false'));
  }
  if (schema.type === 'array' && !schema.items) {
    out.push(required(child(path, 'items'), 'must be specified'));
  }
  checkListAndMapTypes(schema, path, out);
  checkPattern(schema, path, out);
  if (schema.default !== undefined) {
    out.push(...validateNode(schema, child(path, 'default'), schema.default));
  }
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    (schema[key] ?? []).forEach((sub, i) => {
      const at = `${child(path, key)}[${i}]`;
      if (intOrString && key === 'anyOf' && isIntOrStringAnyOf(schema.anyOf)) return;
      if (intOrString && key === 'allOf' && isIntOrStringAnyOf(sub.anyOf)) return;
      checkValueValidationOnly(sub, at, out);
    });
  }
  if (schema.not) checkValueValidationOnly(schema.not, child(path, 'not'), out);
  for (const [name, sub] of Object.entries(schema.properties ?? {})) {
    if (root && name === 'metadata')
      checkRootMetadata(sub, `${child(path, 'properties')}[metadata]`, out);
    walk(sub, `${child(path, 'properties')}[${name}]`, out, false);
  }
  if (schema.items) walk(schema.items, child(path, 'items'), out, false);
  if (isObject(schema.additionalProperties)) {
    walk(schema.additionalProperties as Schema, child(path, 'additionalProperties'), out, false);
  }
}

/** Kubernetes refuses a CRD whose pattern Go's regexp cannot compile. */
function checkPattern(schema: Schema, path: string, out: FieldCause[]): void {
  if (!schema.pattern) return;
  const re = compileGoRegexp(schema.pattern);
  if (typeof re === 'string')
    out.push(
      invalid(
        child(path, 'pattern'),
        schema.pattern,
        `must be a valid regular expression, but isn't: ${re}`,
      ),
    );
}

/** int-or-string may spell itself out as anyOf [{type: integer}, {type: string}]. */
function isIntOrStringAnyOf(anyOf: Schema[] | undefined): boolean {
  return (
    anyOf?.length === 2 &&
    anyOf[0]?.type === 'integer' &&
    anyOf[1]?.type === 'string' &&
    anyOf.every((s) => Object.keys(s).length === 1)
  );
}

/** Inside allOf/anyOf/oneOf/not only value validations are allowed. */
function checkValueValidationOnly(schema: Schema, path: string, out: FieldCause[]): void {
  for (const key of [
    'type',
    'default',
    'nullable',
    'additionalProperties',
    'x-kubernetes-preserve-unknown-fields',
    'x-kubernetes-embedded-resource',
    'x-kubernetes-int-or-string',
  ] as const) {
    if (schema[key] !== undefined)
      out.push(forbidden(child(path, key), 'must be empty to be structural'));
  }
  checkPattern(schema, path, out);
}

/** At the root, metadata may only restrict name and generateName. */
function checkRootMetadata(schema: Schema, path: string, out: FieldCause[]): void {
  const extra = Object.keys(schema.properties ?? {}).filter(
    (k) => k !== 'name' && k !== 'generateName',
  );
  if (extra.length > 0)
    out.push(
      forbidden(
        child(path, 'properties'),
        'must not specify anything other than name and generateName, but metadata is implicitly specified',
      ),
    );
  if (schema.type !== undefined && schema.type !== 'object')
    out.push(invalid(child(path, 'type'), schema.type, 'must be object'));
}
