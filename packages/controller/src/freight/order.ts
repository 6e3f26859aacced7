import type { Freight } from '@wharf/shared';

const time = (s: string | undefined) => (s ? Date.parse(s) : 0);

/** Newest first by `discoveredAt`, then creation time, then name (Kargo's auto-promotion order). */
export function newestFirst<F extends Pick<Freight, 'discoveredAt' | 'metadata'>>(
  list: readonly F[],
): F[] {
  return [...list].sort(
    (a, b) =>
      time(b.discoveredAt) - time(a.discoveredAt) ||
      time(b.metadata.creationTimestamp) - time(a.metadata.creationTimestamp) ||
      b.metadata.name.localeCompare(a.metadata.name),
  );
}
