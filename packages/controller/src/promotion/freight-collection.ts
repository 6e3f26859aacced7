import {
  freightCollectionId,
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

/** Kargo's id of a collection: the SHA-1 of its Freight names (equal contents, equal ids). */
export function collectionId(items: Record<string, FreightReference>): string {
  return freightCollectionId(Object.values(items).map((v) => v.name ?? ''));
}

/** What the Stage will hold after promoting `f`: its current collection with `f`'s origin replaced. */
export function nextCollection(stage: Stage, f: Freight): FreightCollection {
  const items = {
    ...(stage.status?.freightHistory?.[0]?.items ?? {}),
    [originKey(f.origin)]: freightRef(f),
  };
  return { id: collectionId(items), items, verificationHistory: [] };
}
