import { sortFreightNewestFirst } from '@wharf/shared';
import {
  isTerminalPromotionPhase,
  originKey,
  type Freight,
  type Promotion,
  type Stage,
} from '@wharf/shared';
import { availability } from '../freight/availability.js';
import { byName } from './sync-promotions.js';

/**
 * Step 7: for each origin, the newest available Freight (or, with `MatchUpstream`, the one the
 * single upstream Stage holds) unless it is current, already promoting, held, or its newest
 * finished Promotion failed.
 */
export function autoPromotionCandidates(
  stage: Stage,
  freights: Freight[],
  promos: Promotion[],
  now: Date,
): Freight[] {
  const current = stage.status?.freightHistory?.[0]?.items ?? {};
  const holds = stage.status?.autoPromotionHolds ?? {};
  const out: Freight[] = [];
  for (const req of stage.spec.requestedFreight) {
    const key = originKey(req.origin);
    if (holds[key]) continue;
    let pool = sortFreightNewestFirst(
      freights.filter(
        (f) => f.origin.name === req.origin.name && f.origin.kind === req.origin.kind,
      ),
    );
    const upstreams = req.sources.stages ?? [];
    if (
      req.sources.autoPromotionOptions?.selectionPolicy === 'MatchUpstream' &&
      upstreams.length === 1
    ) {
      const up = upstreams[0] ?? '';
      pool = pool.filter((f) => f.status?.currentlyIn?.[up]);
    }
    const candidate = pool.find((f) => availability(f, stage, now).available);
    if (!candidate || current[key]?.name === candidate.metadata.name) continue;
    const mine = promos.filter((p) => p.spec.freight === candidate.metadata.name).sort(byName);
    if (mine.some((p) => !isTerminalPromotionPhase(p.status?.phase))) continue;
    const last = mine.at(-1);
    if (last && last.status?.phase !== 'Succeeded') continue;
    out.push(candidate);
  }
  return out;
}

export const hasSteps = (stage: Stage) =>
  (stage.spec.promotionTemplate?.spec.steps?.length ?? 0) > 0;
