import type { Freight } from '../kargo/freight.js';

type Sortable = Pick<Freight, 'discoveredAt' | 'metadata'>;

function time(value: string | undefined): number {
  const ms = value ? Date.parse(value) : NaN;
  return Number.isNaN(ms) ? -Infinity : ms;
}

/**
 * Newest first: later `discoveredAt`, then later `metadata.creationTimestamp`, then name
 * (ascending) so equal times still sort the same way every time. Missing times sort last.
 */
export function compareFreightNewestFirst(a: Sortable, b: Sortable): number {
  const discovered = time(b.discoveredAt) - time(a.discoveredAt);
  if (discovered !== 0 && !Number.isNaN(discovered)) return discovered;
  const created = time(b.metadata.creationTimestamp) - time(a.metadata.creationTimestamp);
  if (created !== 0 && !Number.isNaN(created)) return created;
  const an = a.metadata.name;
  const bn = b.metadata.name;
  return an < bn ? -1 : an > bn ? 1 : 0;
}

/** A sorted copy, newest first (see compareFreightNewestFirst). */
export function sortFreightNewestFirst<T extends Sortable>(freight: readonly T[]): T[] {
  return [...freight].sort(compareFreightNewestFirst);
}
