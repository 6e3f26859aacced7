// Building blocks for Wharf's own structural schemas of Kargo's kinds. They accept every object
// the real Kargo CRDs accept; deeper validation is left to the admission hooks.
import type { V1CustomResourceColumnDefinition, V1JSONSchemaProps } from '@kubernetes/client-node';

// Written in the client's typed model (camelCase keys) so its serializer emits them intact.
export type Schema = V1JSONSchemaProps;

export const openObject: Schema = { type: 'object', x_kubernetes_preserve_unknown_fields: true };
// `items` is untyped in the client's model, so it is not translated: it must use the wire key.
export const openArray: Schema = {
  type: 'array',
  items: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
};
export const str: Schema = { type: 'string' };

export const origin: Schema = {
  type: 'object',
  required: ['kind', 'name'],
  properties: {
    kind: { type: 'string', _enum: ['Warehouse'] },
    name: { type: 'string', minLength: 1 },
  },
};

export function rootSchema(properties: Record<string, Schema>, required: string[] = []): Schema {
  return {
    type: 'object',
    ...(required.length ? { required } : {}),
    properties: {
      apiVersion: str,
      kind: str,
      metadata: { type: 'object' },
      ...properties,
    },
  };
}

export const readyColumns: V1CustomResourceColumnDefinition[] = [
  { name: 'Ready', type: 'string', jsonPath: '.status.conditions[?(@.type=="Ready")].status' },
  { name: 'Status', type: 'string', jsonPath: '.status.conditions[?(@.type=="Ready")].message' },
];
export const ageColumn: V1CustomResourceColumnDefinition = {
  name: 'Age',
  type: 'date',
  jsonPath: '.metadata.creationTimestamp',
};
