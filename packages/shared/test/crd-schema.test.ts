import { describe, expect, it } from 'vitest';
import { toJsonSchema } from './crd-schema.js';

describe('toJsonSchema (CRD → ajv)', () => {
  it('turns nullable into a null type and drops Kubernetes-only keywords', () => {
    expect(
      toJsonSchema({ type: 'string', nullable: true, 'x-kubernetes-int-or-string': true }),
    ).toEqual({ type: ['string', 'null'] });
  });

  it('closes objects with declared properties, so pruned (unknown) fields are caught', () => {
    expect(toJsonSchema({ type: 'object', properties: { a: { type: 'string' } } })).toEqual({
      type: 'object',
      properties: { a: { type: 'string' } },
      additionalProperties: false,
    });
  });

  it('leaves objects open where the CRD preserves unknown fields or declares none', () => {
    const preserved = toJsonSchema({
      type: 'object',
      properties: { a: { type: 'string' } },
      'x-kubernetes-preserve-unknown-fields': true,
    });
    expect(preserved).not.toHaveProperty('additionalProperties');
    expect(toJsonSchema({ type: 'object' })).toEqual({ type: 'object' });
  });

  it('keeps a property literally named like a keyword', () => {
    const schema = toJsonSchema({ type: 'object', properties: { nullable: { type: 'boolean' } } });
    expect(schema).toMatchObject({ properties: { nullable: { type: 'boolean' } } });
  });
});
