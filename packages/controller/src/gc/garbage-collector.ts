import {
  currentFreightNames,
  isTerminalPromotionPhase,
  type Freight,
  type Promotion,
  type Stage,
  type Warehouse,
} from '@wharf/shared';
import type { KargoApi } from '../kube/kargo-api.js';

/**
 * Kargo's garbage collector (pkg/garbage, v1.11): per Stage it spares the newest Promotions up to
 * the oldest one still running plus `promotionsPerStage` more; per Warehouse the newest Freight up
 * to the oldest one a Stage holds plus `freightPerWarehouse` more. Beyond that, only what is older
 * than the minimum deletion age goes, so nothing recent is ever deleted, however many there are.
 */
export interface GcLimits {
  promotionsPerStage: number;
  freightPerWarehouse: number;
  minPromotionAgeMs: number;
  minFreightAgeMs: number;
}

const TWO_WEEKS = 336 * 3_600_000;
export const DEFAULT_GC: GcLimits = {
  promotionsPerStage: 20,
  freightPerWarehouse: 20,
  minPromotionAgeMs: TWO_WEEKS,
  minFreightAgeMs: TWO_WEEKS,
};

const time = (t: string | undefined) => (t ? Date.parse(t) || 0 : 0);
/** Freight's discoveredAt, else its creation time (Kargo's EffectiveDiscoveredAt). */
const discovered = (f: Freight) => time(f.discoveredAt ?? f.metadata.creationTimestamp);

/** Everything past index `oldestSpared + keep`, newest first, that is old enough. */
function beyond<T>(sorted: T[], oldestSpared: number, keep: number, old: (x: T) => boolean): T[] {
  return sorted.slice(oldestSpared + keep + 1).filter(old);
}

export function stalePromotions(promos: Promotion[], limits: GcLimits, now: number): Promotion[] {
  const byStage = new Map<string, Promotion[]>();
  for (const p of promos) byStage.set(p.spec.stage, [...(byStage.get(p.spec.stage) ?? []), p]);
  return [...byStage.values()].flatMap((list) => {
    if (list.length <= limits.promotionsPerStage) return [];
    const sorted = [...list].sort(
      (a, b) => time(b.metadata.creationTimestamp) - time(a.metadata.creationTimestamp),
    );
    const oldestRunning = sorted.findLastIndex((p) => !isTerminalPromotionPhase(p.status?.phase));
    return beyond(
      sorted,
      oldestRunning,
      limits.promotionsPerStage,
      (p) => now - time(p.metadata.creationTimestamp) >= limits.minPromotionAgeMs,
    );
  });
}

export function staleFreight(
  warehouses: Warehouse[],
  freights: Freight[],
  stages: Stage[],
  limits: GcLimits,
  now: number,
): Freight[] {
  const inUse = new Set(stages.flatMap((s) => currentFreightNames(s)));
  return warehouses.flatMap((w) => {
    const list = freights.filter(
      (f) => f.origin.kind === 'Warehouse' && f.origin.name === w.metadata.name,
    );
    if (list.length <= limits.freightPerWarehouse) return [];
    const sorted = [...list].sort((a, b) => discovered(b) - discovered(a));
    const oldestInUse = sorted.findLastIndex((f) => inUse.has(f.metadata.name));
    return beyond(
      sorted,
      oldestInUse,
      limits.freightPerWarehouse,
      (f) => now - discovered(f) >= limits.minFreightAgeMs,
    );
  });
}

/** Kargo's garbage collection for one project namespace. */
export async function collectGarbage(
  api: KargoApi,
  namespace: string,
  limits: GcLimits,
  now: number,
): Promise<number> {
  const [promos, freights, stages, warehouses] = await Promise.all([
    api.list<Promotion>('Promotion', namespace),
    api.list<Freight>('Freight', namespace),
    api.list<Stage>('Stage', namespace),
    api.list<Warehouse>('Warehouse', namespace),
  ]);
  const stalePromos = stalePromotions(promos, limits, now);
  const stale = staleFreight(warehouses, freights, stages, limits, now);
  for (const p of stalePromos) await api.delete('Promotion', namespace, p.metadata.name);
  // The Freight webhook refuses to delete Freight a Stage took meanwhile; the next round retries.
  for (const f of stale)
    await api.delete('Freight', namespace, f.metadata.name).catch(() => undefined);
  return stalePromos.length + stale.length;
}
