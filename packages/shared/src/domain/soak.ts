import type { Freight } from '../kargo/freight.js';
import { parseGoDuration } from './duration.js';

function toMs(now: Date | number): number {
  return typeof now === 'number' ? now : now.getTime();
}

/**
 * How long Freight has soaked in a Stage, in ms, as Kargo counts it: zero unless verified there;
 * otherwise the larger of the longest completed stay (`verifiedIn[s].longestSoak`) and the current
 * stay (`now - currentlyIn[s].since`). Time since `verifiedAt` is not soak: only time in use is.
 */
export function soakedMs(
  freight: Pick<Freight, 'status'>,
  stage: string,
  now: Date | number,
): number {
  const verified = freight.status?.verifiedIn?.[stage];
  if (!verified) return 0;
  const completed = verified.longestSoak ? (parseGoDuration(verified.longestSoak) ?? 0) : 0;
  const since = freight.status?.currentlyIn?.[stage]?.since;
  const sinceMs = since ? Date.parse(since) : NaN;
  const current = Number.isNaN(sinceMs) ? 0 : Math.max(0, toMs(now) - sinceMs);
  return Math.max(completed, current);
}

/** Whether the soak clock is running: the Freight is verified in and still held by the Stage. */
export function isSoaking(freight: Pick<Freight, 'status'>, stage: string): boolean {
  return (
    freight.status?.verifiedIn?.[stage] !== undefined &&
    freight.status?.currentlyIn?.[stage] !== undefined
  );
}
