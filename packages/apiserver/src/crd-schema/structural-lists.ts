import { forbidden, invalid, notSupported, required } from './field-errors.js';
import { child } from './field-path.js';
import type { FieldCause, Schema } from './types.js';

// x-kubernetes-list-type / -list-map-keys / -map-type as Kubernetes accepts them in a CRD:
// a map list names its keys, and each key is required or defaulted in the items.

const LIST_TYPES = ['atomic', 'set', 'map'];
const MAP_TYPES = ['atomic', 'granular'];

export function checkListAndMapTypes(schema: Schema, path: string, out: FieldCause[]): void {
  const listType = schema['x-kubernetes-list-type'];
  if (listType !== undefined) {
    if (!LIST_TYPES.includes(listType))
      out.push(notSupported(child(path, 'x-kubernetes-list-type'), listType, LIST_TYPES));
    if (schema.type !== 'array')
      out.push(
        invalid(
          child(path, 'type'),
          schema.type ?? '',
          'must be array if x-kubernetes-list-type is specified',
        ),
      );
  }
  if (listType === 'map') {
    const keys = schema['x-kubernetes-list-map-keys'] ?? [];
    if (keys.length === 0)
      out.push(
        required(
          child(path, 'x-kubernetes-list-map-keys'),
          'must not be empty if x-kubernetes-list-type is map',
        ),
      );
    const items = schema.items;
    for (const key of keys) {
      const prop = items?.properties?.[key];
      if (!prop)
        out.push(
          invalid(
            child(path, 'x-kubernetes-list-map-keys'),
            keys,
            `entries must all be names of item properties`,
          ),
        );
      else if (!(items?.required ?? []).includes(key) && prop.default === undefined) {
        out.push(
          required(
            `${child(child(path, 'items'), 'properties')}[${key}]`,
            'this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property',
          ),
        );
      }
    }
  } else if (schema['x-kubernetes-list-map-keys'] !== undefined) {
    out.push(
      forbidden(
        child(path, 'x-kubernetes-list-map-keys'),
        'can only be set if x-kubernetes-list-type is map',
      ),
    );
  }
  const mapType = schema['x-kubernetes-map-type'];
  if (mapType !== undefined && !MAP_TYPES.includes(mapType)) {
    out.push(notSupported(child(path, 'x-kubernetes-map-type'), mapType, MAP_TYPES));
  }
}
