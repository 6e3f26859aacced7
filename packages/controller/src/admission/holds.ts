import { ACTOR_PREFIXES, originKey, type Promotion, type Stage } from '@wharf/shared';
import { rfc3339 } from '../kube/clock.js';
import type { KargoApi } from '../kube/kargo-api.js';
import { newestAvailableFreight } from './origin-freight.js';

/**
 * Kargo's auto-promotion holds: on a Stage with auto-promotion on, a person promoting Freight
 * other than the auto-promotion candidate holds auto-promotion for that origin (so it won't undo
 * their choice); promoting by origin releases the hold.
 */
export async function updateHolds(
  api: KargoApi,
  stage: Stage,
  promo: Promotion,
  byOrigin: boolean,
  actor: string,
  now: Date,
): Promise<void> {
  if (!stage.status?.autoPromotionEnabled || actor.startsWith(ACTOR_PREFIXES.controller)) return;
  const ns = stage.metadata.namespace ?? '';
  const freight = promo.spec.freight ?? '';
  const f = await api.get<{
    metadata: { name: string };
    origin: { kind: 'Warehouse'; name: string };
  }>('Freight', ns, freight);
  if (!f) return;
  const key = originKey(f.origin);
  if (byOrigin) {
    if (stage.status.autoPromotionHolds?.[key])
      await api.patchStatus('Stage', ns, stage.metadata.name, {
        autoPromotionHolds: { [key]: null },
        effectiveAutoPromotionHolds: { [key]: null },
      });
    return;
  }
  const candidate = await newestAvailableFreight(api, stage, f.origin, now);
  if (candidate?.metadata.name === freight) return;
  const hold = {
    freightName: freight,
    origin: f.origin,
    promotionName: promo.metadata.name,
    actor,
    createdAt: rfc3339(now),
  };
  await api.patchStatus('Stage', ns, stage.metadata.name, {
    autoPromotionHolds: { [key]: hold },
    effectiveAutoPromotionHolds: { [key]: hold },
  });
}
