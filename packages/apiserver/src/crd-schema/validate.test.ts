import { describe, expect, it } from 'vitest';
import { compileSchema } from './compile.js';
import type { Schema } from './types.js';

/** A CR schema with `spec` as given; the schema causes for a `spec` value (the CEL skip notice left out). */
function check(specSchema: Schema, spec: unknown) {
  const schema = compileSchema({ type: 'object', properties: { spec: specSchema } });
  return schema.validate({ spec }).filter((c) => c.field !== '<nil>');
}

const one = (type: string, field: string, message: string) => [{ type, field, message }];

describe('OpenAPI v3 validation, worded as Kubernetes words it', () => {
  it('type mismatch names the wanted and actual types', () => {
    expect(
      check(
        { type: 'object', properties: { replicas: { type: 'integer' } } },
        { replicas: 'three' },
      ),
    ).toEqual([
      ...one(
        'FieldValueTypeInvalid',
        'spec.replicas',
        'Invalid value: "string": spec.replicas in body must be of type integer: "string"',
      ),
    ]);
  });

  it('a fractional number is not an integer; an integer is a number', () => {
    expect(check({ type: 'integer' }, 1.5)[0]?.message).toBe(
      'Invalid value: "number": spec in body must be of type integer: "number"',
    );
    expect(check({ type: 'number' }, 2)).toEqual([]);
  });

  it('null is refused unless nullable', () => {
    expect(check({ type: 'string' }, null)[0]?.message).toBe(
      'Invalid value: "null": spec in body must be of type string: "null"',
    );
    expect(check({ type: 'string', nullable: true }, null)).toEqual([]);
  });

  it('x-kubernetes-int-or-string takes integers and strings only', () => {
    const s: Schema = { 'x-kubernetes-int-or-string': true };
    expect(check(s, 8080)).toEqual([]);
    expect(check(s, 'http')).toEqual([]);
    expect(check(s, true)[0]?.message).toBe(
      'Invalid value: "boolean": spec in body must be of type integer,string: "boolean"',
    );
  });

  it('required fields are Required value at their own path', () => {
    expect(
      check(
        {
          type: 'object',
          required: ['a', 'b'],
          properties: { a: { type: 'string' }, b: { type: 'string' } },
        },
        { a: 'x' },
      ),
    ).toEqual(one('FieldValueRequired', 'spec.b', 'Required value'));
  });

  it('enum violations list the supported values', () => {
    expect(check({ type: 'string', enum: ['a', 'b'] }, 'x')).toEqual(
      one('FieldValueNotSupported', 'spec', 'Unsupported value: "x": supported values: "a", "b"'),
    );
  });

  it('string limits: pattern, minLength, maxLength (in characters)', () => {
    expect(check({ type: 'string', pattern: '^[a-z]+$' }, 'A1')).toEqual(
      one('FieldValueInvalid', 'spec', `Invalid value: "A1": spec in body should match '^[a-z]+$'`),
    );
    expect(check({ type: 'string', minLength: 2 }, 'a')).toEqual(
      one(
        'FieldValueInvalid',
        'spec',
        'Invalid value: "a": spec in body should be at least 2 chars long',
      ),
    );
    expect(check({ type: 'string', maxLength: 2 }, 'abc')).toEqual(
      one('FieldValueTooLong', 'spec', 'Too long: may not be more than 2 bytes'),
    );
    expect(check({ type: 'string', maxLength: 2 }, 'éé')).toEqual([]);
  });

  it('number limits: minimum, maximum, exclusive bounds, multipleOf', () => {
    expect(check({ type: 'integer', minimum: 1 }, 0)[0]?.message).toBe(
      'Invalid value: 0: spec in body should be greater than or equal to 1',
    );
    expect(check({ type: 'integer', maximum: 10 }, 11)[0]?.message).toBe(
      'Invalid value: 11: spec in body should be less than or equal to 10',
    );
    expect(check({ type: 'integer', minimum: 1, exclusiveMinimum: true }, 1)[0]?.message).toBe(
      'Invalid value: 1: spec in body should be greater than 1',
    );
    expect(check({ type: 'integer', maximum: 5, exclusiveMaximum: true }, 5)[0]?.message).toBe(
      'Invalid value: 5: spec in body should be less than 5',
    );
    expect(check({ type: 'integer', multipleOf: 3 }, 7)[0]?.message).toBe(
      'Invalid value: 7: spec in body should be a multiple of 3',
    );
    expect(check({ type: 'integer', minimum: 1, maximum: 10 }, 5)).toEqual([]);
  });

  it('array limits: minItems is Invalid, maxItems is Too many', () => {
    const s: Schema = { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 2 };
    expect(check(s, [])[0]?.message).toBe(
      'Invalid value: []interface {}{}: spec in body should have at least 1 items',
    );
    expect(check(s, ['a', 'b', 'c'])).toEqual(
      one('FieldValueTooMany', 'spec', 'Too many: 3: must have at most 2 items'),
    );
  });

  it('object limits: minProperties and maxProperties', () => {
    const s: Schema = {
      type: 'object',
      additionalProperties: { type: 'string' },
      minProperties: 1,
      maxProperties: 1,
    };
    expect(check(s, {})[0]?.message).toBe(
      'Invalid value: map[string]interface {}{}: spec in body should have at least 1 properties',
    );
    expect(check(s, { a: 'x', b: 'y' })).toEqual(
      one('FieldValueTooMany', 'spec', 'Too many: 2: must have at most 1 items'),
    );
  });

  it('additionalProperties schemas check every map value at path.key', () => {
    expect(
      check({ type: 'object', additionalProperties: { type: 'integer' } }, { ok: 1, bad: 'x' })[0]
        ?.field,
    ).toBe('spec.bad');
  });

  it('nested list items are reported at [index]', () => {
    const s: Schema = {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          origin: { type: 'object', properties: { kind: { type: 'string', enum: ['Warehouse'] } } },
        },
      },
    };
    expect(check(s, [{ origin: { kind: 'Warehouse' } }, { origin: { kind: 'X' } }])[0]?.field).toBe(
      'spec[1].origin.kind',
    );
  });

  it('x-kubernetes-list-type set refuses repeated values; map refuses repeated keys', () => {
    expect(
      check({ type: 'array', items: { type: 'string' }, 'x-kubernetes-list-type': 'set' }, [
        'a',
        'b',
        'a',
      ]),
    ).toEqual(one('FieldValueDuplicate', 'spec[2]', 'Duplicate value: "a"'));
    const map: Schema = {
      type: 'array',
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['name', 'port'],
      items: {
        type: 'object',
        required: ['name', 'port'],
        properties: { name: { type: 'string' }, port: { type: 'integer' } },
      },
    };
    expect(
      check(map, [
        { name: 'a', port: 1 },
        { name: 'a', port: 2 },
      ]),
    ).toEqual([]);
    expect(
      check(map, [
        { name: 'a', port: 1 },
        { name: 'a', port: 1 },
      ]),
    ).toEqual(
      one(
        'FieldValueDuplicate',
        'spec[1]',
        'Duplicate value: map[string]interface {}{"name":"a", "port":1}',
      ),
    );
  });

  it('formats Kubernetes knows are checked; unknown formats are not', () => {
    expect(check({ type: 'string', format: 'date-time' }, '2026-11-26T10:00:00Z')).toEqual([]);
    expect(check({ type: 'string', format: 'date-time' }, '2026-02-30T10:00:00Z')[0]?.type).toBe(
      'FieldValueTypeInvalid',
    );
    expect(check({ type: 'string', format: 'email' }, 'nobody')[0]?.message).toBe(
      'Invalid value: "nobody": spec in body must be of type email: "nobody"',
    );
    expect(
      check({ type: 'string', format: 'uuid' }, '0b9e6a8c-4f4e-4d1d-8c1a-1f2e3d4c5b6a'),
    ).toEqual([]);
    expect(check({ type: 'string', format: 'ipv4' }, '10.0.0.300')[0]?.type).toBe(
      'FieldValueTypeInvalid',
    );
    expect(check({ type: 'string', format: 'cidr' }, '10.0.0.0/8')).toEqual([]);
    expect(check({ type: 'string', format: 'something-custom' }, 'anything')).toEqual([]);
    expect(check({ type: 'integer', format: 'int32' }, 5)).toEqual([]);
  });

  it('oneOf, anyOf, allOf and not fail as composites: no field, the quoted path in the message', () => {
    const composite = (path: string, what: string) => ({
      type: 'FieldValueInvalid',
      field: '',
      message: `Invalid value: "": "${path}" ${what}`,
    });
    const oneOf: Schema = {
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'string' } },
      oneOf: [{ required: ['a'] }, { required: ['b'] }],
    };
    expect(check(oneOf, { a: 'x' })).toEqual([]);
    expect(check(oneOf, { a: 'x', b: 'y' })).toEqual([
      composite(
        'spec',
        'must validate one and only one schema (oneOf). Found 2 valid alternatives',
      ),
    ]);
    expect(check(oneOf, {})).toEqual([
      composite('spec', 'must validate one and only one schema (oneOf). Found none valid'),
    ]);
    const anyOf: Schema = { type: 'string', anyOf: [{ pattern: '^a' }, { pattern: 'z$' }] };
    expect(check(anyOf, 'abc')).toEqual([]);
    expect(check(anyOf, 'bcd')).toEqual([
      composite('spec', 'must validate at least one schema (anyOf)'),
      one('FieldValueInvalid', 'spec', `Invalid value: "bcd": spec in body should match '^a'`)[0],
    ]);
    expect(check({ type: 'string', allOf: [{ minLength: 2 }, { maxLength: 3 }] }, 'abcd')).toEqual([
      composite('spec', 'must validate all the schemas (allOf)'),
      one('FieldValueTooLong', 'spec', 'Too long: may not be more than 3 bytes')[0],
    ]);
    expect(check({ type: 'string', allOf: [{ minLength: 5 }] }, 'abcd')[0]).toEqual(
      composite('spec', 'must validate all the schemas (allOf). None validated'),
    );
    expect(check({ type: 'string', not: { enum: ['root'] } }, 'root')).toEqual([
      composite('spec', 'must not validate the schema (not)'),
    ]);
  });

  it('a value of the wrong type is still checked against the enum', () => {
    expect(check({ type: 'integer', enum: [1, 2] }, 'x')).toEqual([
      one(
        'FieldValueTypeInvalid',
        'spec',
        'Invalid value: "string": spec in body must be of type integer: "string"',
      )[0],
      one(
        'FieldValueNotSupported',
        'spec',
        'Unsupported value: "x": supported values: "1", "2"',
      )[0],
    ]);
  });

  it('a pattern that does not compile is reported with the value, not thrown', () => {
    expect(check({ type: 'string', pattern: '+' }, 'foo')[0]?.message).toBe(
      'Invalid value: "foo": spec in body should match \'+, but pattern is invalid: error parsing regexp: missing argument to repetition operator: `+`\'',
    );
  });

  it('unknown fields are not validation errors (pruning removes them)', () => {
    expect(check({ type: 'object', properties: { a: { type: 'string' } } }, { zzz: 1 })).toEqual(
      [],
    );
  });

  it('an x-kubernetes-embedded-resource object needs apiVersion and kind', () => {
    const s: Schema = {
      type: 'object',
      'x-kubernetes-embedded-resource': true,
      'x-kubernetes-preserve-unknown-fields': true,
    };
    expect(check(s, { apiVersion: 'v1', kind: 'ConfigMap', data: {} })).toEqual([]);
    expect(check(s, { kind: 'ConfigMap' })).toEqual(
      one('FieldValueRequired', 'spec.apiVersion', 'Required value: must not be empty'),
    );
  });

  it('required, type, enum and size-limit failures stop CEL rules; pattern and minimum failures do not', () => {
    const schema = compileSchema({
      type: 'object',
      properties: {
        spec: {
          type: 'object',
          required: ['a'],
          properties: {
            a: { type: 'string', pattern: '^x', maxLength: 3 },
            n: { type: 'integer', minimum: 5 },
          },
          'x-kubernetes-validations': [{ rule: 'false', message: 'cel ran' }],
        },
      },
    });
    const messages = (spec: unknown) =>
      schema.validate({ spec }).map((c) => `${c.field}: ${c.message}`);
    const skipped =
      '<nil>: Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation';
    expect(messages({})).toEqual(['spec.a: Required value', skipped]);
    expect(messages({ a: 'xlong' })).toEqual([
      'spec.a: Too long: may not be more than 3 bytes',
      skipped,
    ]);
    expect(messages({ a: 'y', n: 1 })).toEqual([
      `spec.a: Invalid value: "y": spec.a in body should match '^x'`,
      'spec.n: Invalid value: 1: spec.n in body should be greater than or equal to 5',
      'spec: Invalid value: "object": cel ran',
    ]);
  });
});
