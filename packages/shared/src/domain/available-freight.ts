import type { Freight } from '../kargo/freight.js';
import type { Stage } from '../kargo/stage.js';
import { freightAvailability } from './freight-availability.js';
import type { FreightAvailability } from './freight-availability.js';
import { sortFreightNewestFirst } from './freight-order.js';

export interface FreightForStage {
  freight: Freight;
  availability: FreightAvailability;
}

/**
 * Every Freight of the origins a Stage requests, newest first, each with its availability:
 * what a promote dialog lists. Freight of other origins is left out.
 */
export function freightForStage(
  stage: Pick<Stage, 'spec' | 'metadata'>,
  freight: readonly Freight[],
  now: Date | number,
): FreightForStage[] {
  const origins = new Set(
    stage.spec.requestedFreight.map((r) => `${r.origin.kind}/${r.origin.name}`),
  );
  return sortFreightNewestFirst(freight)
    .filter((f) => origins.has(`${f.origin.kind}/${f.origin.name}`))
    .map((f) => ({ freight: f, availability: freightAvailability(f, stage, now) }));
}

/** The newest Freight of one origin available to the Stage: the auto-promotion candidate. */
export function newestAvailableFreight(
  stage: Pick<Stage, 'spec' | 'metadata'>,
  freight: readonly Freight[],
  origin: string,
  now: Date | number,
): Freight | undefined {
  return freightForStage(stage, freight, now).find(
    (x) => x.freight.origin.name === origin && x.availability.available,
  )?.freight;
}
