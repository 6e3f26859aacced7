import { sortFreightNewestFirst } from '@wharf/shared';
import type { Freight, FreightOrigin, Stage } from '@wharf/shared';
import { availability } from '../freight/availability.js';
import type { KargoApi } from '../kube/kargo-api.js';

/** The newest Freight of an origin available to a Stage (promotion by origin). */
export async function newestAvailableFreight(
  api: KargoApi,
  stage: Stage,
  origin: FreightOrigin,
  now: Date,
): Promise<Freight | undefined> {
  const ns = stage.metadata.namespace ?? '';
  const all = await api.list<Freight>('Freight', ns);
  return sortFreightNewestFirst(
    all.filter((f) => f.origin.kind === origin.kind && f.origin.name === origin.name),
  ).find((f) => availability(f, stage, now).available);
}
