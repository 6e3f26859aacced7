import type { FreightView, RoomStageView } from '@wharf/shared/api';
import { parseGoDuration } from '../../lib/time';

/**
 * Milliseconds until `freight` has soaked long enough in an upstream stage of `stage`
 * (0 when no soak is required or it is done; undefined when it is not verified upstream at all).
 */
export function soakRemaining(
  stage: RoomStageView,
  freight: FreightView,
  now = Date.now(),
): number | undefined {
  const req = stage.requestedFreight.find((r) => r.origin.name === freight.origin.name);
  if (!req) return undefined;
  const soak = parseGoDuration(req.requiredSoakTime);
  const verified = freight.verifiedIn.filter(
    (v) => req.upstreamStages.includes(v.stage) && v.verifiedAt,
  );
  if (verified.length === 0) return undefined;
  if (soak === 0) return 0;
  const remaining = verified.map((v) => Math.max(0, Date.parse(v.verifiedAt ?? '') + soak - now));
  return req.availabilityStrategy === 'All' ? Math.max(...remaining) : Math.min(...remaining);
}
