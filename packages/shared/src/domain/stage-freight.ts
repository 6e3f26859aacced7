import type { FreightReference } from '../kargo/artifacts.js';
import type { Freight } from '../kargo/freight.js';
import type { Stage } from '../kargo/stage.js';

/** Freight a Stage holds now (newest freightHistory entry), one reference per origin. */
export function currentFreight(stage: Pick<Stage, 'status'>): FreightReference[] {
  return Object.values(stage.status?.freightHistory?.[0]?.items ?? {});
}

/** Names of the Freight a Stage holds now. */
export function currentFreightNames(stage: Pick<Stage, 'status'>): string[] {
  return currentFreight(stage).flatMap((f) => (f.name ? [f.name] : []));
}

/** Stages that hold this Freight now, per the Freight's own `status.currentlyIn`. */
export function stagesHolding(freight: Pick<Freight, 'status'>): string[] {
  return Object.keys(freight.status?.currentlyIn ?? {}).sort();
}

/** Whether the Freight has passed verification in the Stage (what downstream Stages look at). */
export function isVerifiedIn(freight: Pick<Freight, 'status'>, stage: string): boolean {
  return freight.status?.verifiedIn?.[stage] !== undefined;
}
