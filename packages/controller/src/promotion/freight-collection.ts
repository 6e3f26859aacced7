import { createHash } from 'node:crypto';
import {
  originKey,
  type Freight,
  type FreightCollection,
  type FreightReference,
  type Stage,
} from '@wharf/shared';

export function freightRef(f: Freight): FreightReference {
  return {
    name: f.metadata.name,
    origin: f.origin,
    ...(f.commits ? { commits: f.commits } : {}),
    ...(f.images ? { images: f.images } : {}),
    ...(f.charts ? { charts: f.charts } : {}),
  };
}

/** A collection's id is a digest of the Freight it holds, so equal contents mean equal ids. */
export function collectionId(items: Record<string, FreightReference>): string {
  const names = Object.entries(items)
    .map(([k, v]) => `${k}:${v.name ?? ''}`)
    .sort();
  return createHash('sha1').update(names.join(',')).digest('hex');
}

/** What the Stage will hold after promoting `f`: its current collection with `f`'s origin replaced. */
export function nextCollection(stage: Stage, f: Freight): FreightCollection {
  const items = {
    ...(stage.status?.freightHistory?.[0]?.items ?? {}),
    [originKey(f.origin)]: freightRef(f),
  };
  return { id: collectionId(items), items, verificationHistory: [] };
}
