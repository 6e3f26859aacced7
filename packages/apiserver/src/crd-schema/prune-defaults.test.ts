import { describe, expect, it } from 'vitest';
import { compileSchema } from './compile.js';

const schema = compileSchema({
  type: 'object',
  properties: {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: { type: 'object' },
    spec: {
      type: 'object',
      properties: {
        replicas: { type: 'integer', default: 1 },
        mode: { type: 'string', default: 'auto' },
        note: { type: 'string', nullable: true, default: 'n' },
        plain: { type: 'string' },
        nested: {
          type: 'object',
          properties: {
            level: { type: 'string', default: 'info' },
            deeper: {
              type: 'object',
              default: {},
              properties: { x: { type: 'integer', default: 7 } },
            },
          },
        },
        labels: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            properties: { v: { type: 'string', default: 'dv' } },
          },
        },
        items: {
          type: 'array',
          items: {
            type: 'object',
            properties: { name: { type: 'string' }, weight: { type: 'integer', default: 10 } },
          },
        },
        opaque: {
          type: 'object',
          'x-kubernetes-preserve-unknown-fields': true,
          properties: { known: { type: 'object', properties: { a: { type: 'string' } } } },
        },
        template: {
          type: 'object',
          'x-kubernetes-embedded-resource': true,
          properties: { spec: { type: 'object', properties: { image: { type: 'string' } } } },
        },
      },
    },
  },
});

describe('prune', () => {
  it('drops unknown fields at every level, keeping apiVersion, kind and metadata at the root', () => {
    const obj = {
      apiVersion: 'x/v1',
      kind: 'X',
      metadata: { name: 'a', labels: { l: 'v' }, finalizers: ['f'] },
      unknownRoot: true,
      spec: {
        replicas: 2,
        gone: 1,
        items: [{ name: 'a', junk: 1 }],
        labels: { k: { v: 'x', junk: 2 } },
      },
    };
    schema.prune(obj);
    expect(obj).toEqual({
      apiVersion: 'x/v1',
      kind: 'X',
      metadata: { name: 'a', labels: { l: 'v' }, finalizers: ['f'] },
      spec: { replicas: 2, items: [{ name: 'a' }], labels: { k: { v: 'x' } } },
    });
  });

  it('keeps unknown fields under x-kubernetes-preserve-unknown-fields but still prunes known children', () => {
    const obj = { spec: { opaque: { anything: { goes: [1] }, known: { a: 'x', b: 'pruned' } } } };
    schema.prune(obj);
    expect(obj).toEqual({ spec: { opaque: { anything: { goes: [1] }, known: { a: 'x' } } } });
  });

  it('keeps apiVersion, kind and metadata of an embedded resource', () => {
    const obj = {
      spec: {
        template: {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'p' },
          spec: { image: 'i', junk: 1 },
          extra: 1,
        },
      },
    };
    schema.prune(obj);
    expect(obj.spec.template).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { image: 'i' },
    });
  });
});

describe('unknownFields', () => {
  it('lists what pruning would drop, with Kubernetes paths, without changing the object', () => {
    const obj = {
      apiVersion: 'x/v1',
      kind: 'X',
      metadata: { name: 'a' },
      colour: 'red',
      spec: {
        replicas: 2,
        items: [{ name: 'a' }, { name: 'b', junk: 1 }],
        opaque: { free: 1 },
        labels: { k: { bad: 1 } },
      },
    };
    const before = structuredClone(obj);
    expect(schema.unknownFields(obj)).toEqual([
      'colour',
      'spec.items[1].junk',
      'spec.labels.k.bad',
    ]);
    expect(obj).toEqual(before);
  });
});

describe('applyDefaults', () => {
  it('fills missing fields of present objects, recursing into defaulted values', () => {
    const obj: Record<string, unknown> = { spec: { nested: {} } };
    schema.applyDefaults(obj);
    expect(obj.spec).toEqual({
      replicas: 1,
      mode: 'auto',
      note: 'n',
      nested: { level: 'info', deeper: { x: 7 } },
    });
  });

  it('does not create absent parents', () => {
    const obj: Record<string, unknown> = {};
    schema.applyDefaults(obj);
    expect(obj).toEqual({});
  });

  it('keeps values that are set, including falsy ones', () => {
    const obj: Record<string, unknown> = { spec: { replicas: 0, mode: '' } };
    schema.applyDefaults(obj);
    expect(obj.spec).toMatchObject({ replicas: 0, mode: '' });
  });

  it('defaults list items and map values', () => {
    const obj = { spec: { items: [{ name: 'a' }, { name: 'b', weight: 3 }], labels: { k: {} } } };
    schema.applyDefaults(obj);
    expect(obj.spec.items).toEqual([
      { name: 'a', weight: 10 },
      { name: 'b', weight: 3 },
    ]);
    expect(obj.spec.labels).toEqual({ k: { v: 'dv' } });
  });

  it('replaces a non-nullable null with its default, drops it without one, keeps a nullable null', () => {
    const obj: Record<string, unknown> = { spec: { replicas: null, plain: null, note: null } };
    schema.applyDefaults(obj);
    expect(obj.spec).toEqual({ replicas: 1, mode: 'auto', note: null });
  });

  it('does not share default objects between results', () => {
    const a: Record<string, unknown> = { spec: { nested: {} } };
    const b: Record<string, unknown> = { spec: { nested: {} } };
    schema.applyDefaults(a);
    schema.applyDefaults(b);
    (a.spec as { nested: { deeper: { x: number } } }).nested.deeper.x = 99;
    expect((b.spec as { nested: { deeper: { x: number } } }).nested.deeper.x).toBe(7);
  });
});
