import { describe, expect, it } from 'vitest';
import { compileSchema } from './compile.js';
import type { Schema, ValidationRule } from './types.js';

const withRules = (spec: Schema, ...rules: ValidationRule[]) =>
  compileSchema({
    type: 'object',
    properties: { spec: { ...spec, 'x-kubernetes-validations': rules } },
  });

const ints: Schema = {
  type: 'object',
  properties: { min: { type: 'integer' }, max: { type: 'integer' }, name: { type: 'string' } },
};

describe('x-kubernetes-validations (CEL)', () => {
  it('a failing rule without message says "failed rule: <rule>" with the schema type as value', () => {
    expect(
      withRules(ints, { rule: 'self.min <= self.max' }).validate({ spec: { min: 3, max: 1 } }),
    ).toEqual([
      {
        type: 'FieldValueInvalid',
        field: 'spec',
        message: 'Invalid value: "object": failed rule: self.min <= self.max',
      },
    ]);
  });

  it('integers reach CEL as ints, so int arithmetic and comparisons work', () => {
    const s = withRules(ints, { rule: 'self.max - self.min >= 2', message: 'range too small' });
    expect(s.validate({ spec: { min: 1, max: 3 } })).toEqual([]);
    expect(s.validate({ spec: { min: 1, max: 2 } })[0]?.message).toBe(
      'Invalid value: "object": range too small',
    );
  });

  it('messageExpression builds the message from self', () => {
    const s = withRules(ints, {
      rule: 'self.min <= self.max',
      messageExpression: "'min ' + string(self.min) + ' exceeds max ' + string(self.max)",
    });
    expect(s.validate({ spec: { min: 5, max: 1 } })[0]?.message).toBe(
      'Invalid value: "object": min 5 exceeds max 1',
    );
  });

  it('reason and fieldPath shape the cause', () => {
    const s = withRules(ints, {
      rule: 'has(self.name)',
      message: 'name is needed',
      reason: 'FieldValueRequired',
      fieldPath: '.name',
    });
    expect(s.validate({ spec: {} })).toEqual([
      { type: 'FieldValueRequired', field: 'spec.name', message: 'Required value: name is needed' },
    ]);
    const f = withRules(ints, {
      rule: "self.name != 'root'",
      message: 'reserved',
      reason: 'FieldValueForbidden',
    });
    expect(f.validate({ spec: { name: 'root' } })).toEqual([
      { type: 'FieldValueForbidden', field: 'spec', message: 'Forbidden: reserved' },
    ]);
  });

  it('an evaluation error is reported with the rule message', () => {
    const s = withRules(ints, {
      rule: 'self.name.startsWith("a")',
      message: 'name must start with a',
    });
    const [cause] = s.validate({ spec: {} });
    expect(cause?.field).toBe('spec');
    expect(cause?.message).toBe(
      'Invalid value: "object": no such key: name evaluating rule: name must start with a',
    );
  });

  it('rules on list items run per item with their index', () => {
    const s = compileSchema({
      type: 'object',
      properties: {
        spec: {
          type: 'array',
          items: {
            type: 'string',
            'x-kubernetes-validations': [
              { rule: 'self.matches("^[a-z]+$")', message: 'lowercase only' },
            ],
          },
        },
      },
    });
    expect(s.validate({ spec: ['ok', 'NO', 'fine'] })).toEqual([
      {
        type: 'FieldValueInvalid',
        field: 'spec[1]',
        message: 'Invalid value: "string": lowercase only',
      },
    ]);
  });

  it('list macros and Kubernetes string functions are available', () => {
    const s = withRules(
      { type: 'object', properties: { tags: { type: 'array', items: { type: 'string' } } } },
      {
        rule: "self.tags.all(t, t.lowerAscii() == t) && !self.tags.exists(t, t.contains(' '))",
        message: 'bad tags',
      },
      { rule: "self.tags.map(t, t.replace('-', '_')).all(t, !t.contains('-'))" },
      { rule: 'self.tags.isSorted()', message: 'tags must be sorted' },
    );
    expect(s.validate({ spec: { tags: ['a', 'b-c'] } })).toEqual([]);
    expect(s.validate({ spec: { tags: ['b', 'A'] } }).map((c) => c.message)).toEqual([
      'Invalid value: "object": bad tags',
      'Invalid value: "object": tags must be sorted',
    ]);
  });

  it('a rule on an absent field does not run', () => {
    const s = compileSchema({
      type: 'object',
      properties: {
        spec: {
          type: 'object',
          properties: { opt: { type: 'string', 'x-kubernetes-validations': [{ rule: 'false' }] } },
        },
      },
    });
    expect(s.validate({ spec: {} })).toEqual([]);
    expect(s.validate({ spec: { opt: 'x' } })).toHaveLength(1);
  });

  it('transition rules with oldSelf run only on update', () => {
    const s = compileSchema({
      type: 'object',
      properties: {
        spec: {
          type: 'object',
          properties: {
            id: {
              type: 'string',
              'x-kubernetes-validations': [{ rule: 'self == oldSelf', message: 'id is immutable' }],
            },
          },
        },
      },
    });
    expect(s.validate({ spec: { id: 'a' } })).toEqual([]);
    expect(s.validate({ spec: { id: 'b' } }, { spec: { id: 'a' } })).toEqual([
      {
        type: 'FieldValueInvalid',
        field: 'spec.id',
        message: 'Invalid value: "string": id is immutable',
      },
    ]);
    expect(s.validate({ spec: { id: 'a' } }, { spec: { id: 'a' } })).toEqual([]);
    expect(s.validate({ spec: { id: 'a' } }, { spec: {} })).toEqual([]);
  });

  it('map-list items correlate with the stored item of the same key', () => {
    const s = compileSchema({
      type: 'object',
      properties: {
        spec: {
          type: 'array',
          'x-kubernetes-list-type': 'map',
          'x-kubernetes-list-map-keys': ['name'],
          items: {
            type: 'object',
            required: ['name'],
            properties: { name: { type: 'string' }, size: { type: 'integer' } },
            'x-kubernetes-validations': [
              { rule: 'self.size >= oldSelf.size', message: 'cannot shrink' },
            ],
          },
        },
      },
    });
    const old = {
      spec: [
        { name: 'a', size: 5 },
        { name: 'b', size: 5 },
      ],
    };
    expect(
      s.validate(
        {
          spec: [
            { name: 'b', size: 6 },
            { name: 'a', size: 4 },
            { name: 'c', size: 1 },
          ],
        },
        old,
      ),
    ).toEqual([
      {
        type: 'FieldValueInvalid',
        field: 'spec[1]',
        message: 'Invalid value: "object": cannot shrink',
      },
    ]);
  });

  it('a rule at the root is reported at <nil>, as Kubernetes prints a root path', () => {
    const s = compileSchema({
      type: 'object',
      properties: { spec: { type: 'object' } },
      'x-kubernetes-validations': [{ rule: 'has(self.spec)' }],
    });
    expect(s.validate({})).toEqual([
      {
        type: 'FieldValueInvalid',
        field: '<nil>',
        message: 'Invalid value: "object": failed rule: has(self.spec)',
      },
    ]);
  });

  it('a rule that does not compile is listed in ruleProblems', () => {
    const s = withRules(ints, { rule: 'self.min <=' });
    expect(s.ruleProblems).toEqual([
      {
        path: 'properties[spec].x-kubernetes-validations[0].rule',
        rule: 'self.min <=',
        message: expect.stringContaining('compilation failed'),
      },
    ]);
  });

  it('date-time strings are timestamps in CEL', () => {
    const s = withRules(
      {
        type: 'object',
        properties: {
          start: { type: 'string', format: 'date-time' },
          end: { type: 'string', format: 'date-time' },
        },
      },
      { rule: "self.end - self.start >= duration('1h')", message: 'at least an hour' },
    );
    expect(
      s.validate({ spec: { start: '2026-01-01T00:00:00Z', end: '2026-01-01T02:00:00Z' } }),
    ).toEqual([]);
    expect(
      s.validate({ spec: { start: '2026-01-01T00:00:00Z', end: '2026-01-01T00:30:00Z' } })[0]
        ?.message,
    ).toBe('Invalid value: "object": at least an hour');
  });

  it('property names that are CEL keywords or hold dashes are escaped as Kubernetes does', () => {
    const s = withRules(
      { type: 'object', properties: { if: { type: 'string' }, 'max-size': { type: 'integer' } } },
      { rule: "self.__if__ != 'never' && self.max__dash__size < 10", message: 'no' },
    );
    expect(s.validate({ spec: { if: 'always', 'max-size': 3 } })).toEqual([]);
    expect(s.validate({ spec: { if: 'never', 'max-size': 3 } })).toHaveLength(1);
  });

  it('a compiled schema does not change when its input is edited afterwards', () => {
    const input = {
      type: 'object',
      properties: {
        spec: { type: 'object', 'x-kubernetes-validations': [{ rule: 'has(self.a)' }] },
      },
    };
    const s = compileSchema(input);
    input.properties.spec = { type: 'object', 'x-kubernetes-validations': [] };
    expect(s.validate({ spec: {} })).toHaveLength(1);
  });

  it('an untyped int-or-string node shows an empty type as the value', () => {
    const s = compileSchema({
      type: 'object',
      properties: {
        spec: {
          'x-kubernetes-int-or-string': true,
          'x-kubernetes-validations': [
            { rule: "type(self) == int || self.endsWith('%')", message: 'int or percent' },
          ],
        },
      },
    });
    expect(s.validate({ spec: 5 })).toEqual([]);
    expect(s.validate({ spec: '50%' })).toEqual([]);
    expect(s.validate({ spec: '50' })).toEqual([
      { type: 'FieldValueInvalid', field: 'spec', message: 'Invalid value: "": int or percent' },
    ]);
  });
});
