import { duplicate } from './field-errors.js';
import { index } from './field-path.js';
import type { FieldCause, Schema } from './types.js';
import { isObject } from './types.js';

/** The key tuple of a map-list item, or undefined when the item is not an object. */
export function mapKeyOf(schema: Schema, item: unknown): Record<string, unknown> | undefined {
  if (!isObject(item)) return undefined;
  const keys = schema['x-kubernetes-list-map-keys'] ?? [];
  return Object.fromEntries(keys.map((k) => [k, item[k] ?? null]));
}

/**
 * x-kubernetes-list-type set: no value twice; map: no key tuple twice. Each repeat
 * is a Duplicate at its own index, as Kubernetes reports it.
 */
export function checkListType(schema: Schema, path: string, list: unknown[]): FieldCause[] {
  const kind = schema['x-kubernetes-list-type'];
  if (kind !== 'set' && kind !== 'map') return [];
  const out: FieldCause[] = [];
  const seen = new Set<string>();
  list.forEach((item, i) => {
    const key = kind === 'set' ? item : mapKeyOf(schema, item);
    if (key === undefined) return;
    const id = JSON.stringify(key);
    if (seen.has(id)) out.push(duplicate(index(path, i), key));
    seen.add(id);
  });
  return out;
}

/**
 * The stored item that corresponds to `item`: only map-lists correlate items
 * (by their key fields); other lists are compared as a whole.
 */
export function correlateItem(schema: Schema, item: unknown, oldList: unknown): unknown {
  if (schema['x-kubernetes-list-type'] !== 'map' || !Array.isArray(oldList)) return undefined;
  const key = JSON.stringify(mapKeyOf(schema, item));
  return oldList.find((o) => JSON.stringify(mapKeyOf(schema, o)) === key);
}
