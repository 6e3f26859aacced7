import { describe, expect, it } from 'vitest';
import { readFields } from '../protobuf/wire.js';
import { structuralToV2 } from './openapi-v2.js';
import { openapiV2Proto } from './openapi-v2-proto.js';

describe('a CRD schema published in OpenAPI v2, as Kubernetes converts it', () => {
  it('drops junctors, opens nullable and preserve-unknown-fields nodes, and un-requires nullable fields', () => {
    expect(
      structuralToV2({
        type: 'object',
        required: ['a', 'b'],
        anyOf: [{ required: ['a'] }],
        properties: {
          a: { type: 'string', nullable: true },
          b: { type: 'object', properties: { c: { type: 'string' } } },
          open: {
            type: 'object',
            'x-kubernetes-preserve-unknown-fields': true,
            properties: { d: { type: 'string' } },
          },
          list: {
            type: 'array',
            'x-kubernetes-preserve-unknown-fields': true,
            items: { type: 'string' },
          },
        },
      }),
    ).toEqual({
      type: 'object',
      required: ['b'],
      properties: {
        a: {},
        b: { type: 'object', properties: { c: { type: 'string' } } },
        open: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        list: { 'x-kubernetes-preserve-unknown-fields': true },
      },
    });
  });
});

describe('the protobuf encoding (gnostic openapi.v2.Document)', () => {
  const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b);
  const doc = {
    swagger: '2.0',
    info: { title: 'Kubernetes', version: 'v1.32.0' },
    paths: {},
    definitions: {
      Thing: {
        type: 'object',
        required: ['spec'],
        properties: {
          spec: { type: 'object', properties: {} },
          n: { type: 'integer', minimum: 1 },
        },
        'x-kubernetes-group-version-kind': [{ group: 'example.com', version: 'v1', kind: 'Thing' }],
      },
    },
  };

  it('carries definitions by name, with types, required fields, properties and x- extensions as YAML', () => {
    const top = readFields(openapiV2Proto(doc));
    expect(text(top.find((f) => f.num === 1)?.bytes)).toBe('2.0');
    const [named] = readFields(top.find((f) => f.num === 9)?.bytes ?? new Uint8Array());
    const entry = readFields(named?.bytes ?? new Uint8Array());
    expect(text(entry.find((f) => f.num === 1)?.bytes)).toBe('Thing');
    const schema = readFields(entry.find((f) => f.num === 2)?.bytes ?? new Uint8Array());
    const type = readFields(schema.find((f) => f.num === 22)?.bytes ?? new Uint8Array());
    expect(text(type[0]?.bytes)).toBe('object');
    expect(text(schema.find((f) => f.num === 19)?.bytes)).toBe('spec');
    const props = readFields(schema.find((f) => f.num === 25)?.bytes ?? new Uint8Array());
    expect(props.map((p) => text(readFields(p.bytes ?? new Uint8Array())[0]?.bytes))).toEqual([
      'spec',
      'n',
    ]);
    // An object with no fields still carries an (empty) properties message: kubectl tells a
    // closed object from a free-form map by it.
    const spec = readFields(
      readFields(props[0]?.bytes ?? new Uint8Array())[1]?.bytes ?? new Uint8Array(),
    );
    expect(spec.find((f) => f.num === 25)?.bytes?.length).toBe(0);
    const ext = readFields(schema.find((f) => f.num === 31)?.bytes ?? new Uint8Array());
    expect(text(ext[0]?.bytes)).toBe('x-kubernetes-group-version-kind');
    const yaml = text(readFields(ext[1]?.bytes ?? new Uint8Array())[0]?.bytes);
    expect(yaml).toBe('- group: example.com\n  version: v1\n  kind: Thing\n');
  });
});
