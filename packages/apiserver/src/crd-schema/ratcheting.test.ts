import { describe, expect, it } from 'vitest';
import { compileSchema } from './compile.js';

// Kubernetes (CRDValidationRatcheting, on by default since 1.30) does not re-judge values
// an update leaves unchanged, so a stricter schema does not block edits elsewhere.
const schema = compileSchema({
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      properties: {
        name: { type: 'string', pattern: '^[a-z]+$' },
        size: {
          type: 'integer',
          maximum: 10,
          'x-kubernetes-validations': [{ rule: 'self % 2 == 0', message: 'must be even' }],
        },
        ports: {
          type: 'array',
          'x-kubernetes-list-type': 'map',
          'x-kubernetes-list-map-keys': ['name'],
          items: {
            type: 'object',
            required: ['name'],
            properties: { name: { type: 'string' }, port: { type: 'integer', minimum: 1024 } },
          },
        },
      },
    },
  },
});

describe('validation ratcheting on update', () => {
  const stored = { spec: { name: 'Legacy_Name', size: 11, ports: [{ name: 'http', port: 80 }] } };

  it('on create, every invalid value is reported', () => {
    expect(schema.validate(structuredClone(stored)).map((c) => c.field)).toEqual([
      'spec.name',
      'spec.size',
      'spec.ports[0].port',
      'spec.size',
    ]);
  });

  it('an update that leaves invalid values untouched passes', () => {
    const next = structuredClone(stored);
    next.spec.ports.push({ name: 'https', port: 8443 });
    expect(schema.validate(next, stored)).toEqual([]);
  });

  it('changing an invalid value to another invalid value is reported', () => {
    const next = structuredClone(stored);
    next.spec.name = 'Still_Bad';
    next.spec.size = 13;
    expect(schema.validate(next, stored).map((c) => c.message)).toEqual([
      `Invalid value: "Still_Bad": spec.name in body should match '^[a-z]+$'`,
      'Invalid value: 13: spec.size in body should be less than or equal to 10',
      'Invalid value: "integer": must be even',
    ]);
  });

  it('map-list items ratchet by key, whatever their position', () => {
    const next = {
      spec: {
        ...stored.spec,
        ports: [
          { name: 'new', port: 22 },
          { name: 'http', port: 80 },
        ],
      },
    };
    expect(schema.validate(next, stored).map((c) => c.field)).toEqual(['spec.ports[0].port']);
  });
});
