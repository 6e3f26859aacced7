import { freightAvailability, type Freight, type Stage } from '@wharf/shared';

export type Availability = { available: true } | { available: false; message: string };

/** Kargo's availability rule, from @wharf/shared, reduced to what admission and reconcilers need. */
export function availability(
  f: Freight,
  stage: Pick<Stage, 'spec' | 'metadata'>,
  now: Date,
): Availability {
  const a = freightAvailability(f, stage, now);
  if (a.available) return { available: true };
  return {
    available: false,
    message: `Freight "${f.metadata.name}" is not available to Stage "${stage.metadata.name}": ${a.message}`,
  };
}
