import { describe, expect, it } from 'vitest';
import {
  fieldPath,
  propertyHints,
  schemaAt,
  schemaIssues,
  type OpenApiSchema,
} from './openapi-schema.js';

const stage: OpenApiSchema = {
  type: 'object',
  properties: {
    metadata: {
      type: 'object',
      properties: { annotations: { type: 'object', additionalProperties: { type: 'string' } } },
    },
    spec: {
      type: 'object',
      required: ['requestedFreight'],
      properties: {
        shard: { type: 'string', description: 'Shard' },
        requestedFreight: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['origin'],
            properties: {
              origin: {
                type: 'object',
                properties: {
                  kind: { type: 'string', enum: ['Warehouse'] },
                  name: { type: 'string' },
                },
              },
            },
          },
        },
        promotionTemplate: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
      },
    },
  },
};

describe('reading a structural schema for the editor', () => {
  it('finds the schema at a path through objects, lists and maps', () => {
    expect(schemaAt(stage, ['spec', 'requestedFreight', 0, 'origin', 'kind'])?.enum).toEqual([
      'Warehouse',
    ]);
    expect(schemaAt(stage, ['metadata', 'annotations', 'kargo.akuity.io/color'])?.type).toBe(
      'string',
    );
    expect(propertyHints(schemaAt(stage, ['spec'])).map((p) => p.name)).toEqual([
      'requestedFreight',
      'promotionTemplate',
      'shard',
    ]);
  });

  it("names the field and says what Kubernetes would refuse, in Kubernetes' words", () => {
    const issues = schemaIssues(stage, {
      metadata: { annotations: { 'kargo.akuity.io/color': 'red' } },
      spec: {
        shardd: 'x',
        requestedFreight: [{ origin: { kind: 'Bucket', name: 'a' } }],
        promotionTemplate: { any: 1 },
      },
    });
    expect(issues).toEqual([
      { field: 'spec.shardd', message: expect.stringMatching(/unknown field/) },
      {
        field: 'spec.requestedFreight[0].origin.kind',
        message: expect.stringMatching(/^Unsupported value: "Bucket"/),
      },
    ]);
    expect(schemaIssues(stage, { spec: { requestedFreight: [] } })).toEqual([
      { field: 'spec.requestedFreight', message: 'should have at least 1 items' },
    ]);
    expect(schemaIssues(stage, { spec: {} })).toEqual([
      { field: 'spec.requestedFreight', message: 'Required value' },
    ]);
  });

  it('writes paths as Kubernetes does, with keys that hold dots in brackets', () => {
    expect(fieldPath(['metadata', 'annotations', 'kargo.akuity.io/color'])).toBe(
      'metadata.annotations[kargo.akuity.io/color]',
    );
  });
});
