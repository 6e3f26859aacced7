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

function groupBy<T>(items: T[], key: (x: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const x of items) {
    const list = groups.get(key(x));
    if (list) list.push(x);
    else groups.set(key(x), [x]);
  }
  return groups;
}

/** Everything past index `oldestSpared + keep`, newest first, that is old enough. */
function beyond<T>(sorted: T[], oldestSpared: number, keep: number, old: (x: T) => boolean): T[] {
  return sorted.slice(oldestSpared + keep + 1).filter(old);
}

export function stalePromotions(promos: Promotion[], limits: GcLimits, now: number): Promotion[] {
  return [...groupBy(promos, (p) => p.spec.stage).values()].flatMap((list) => {
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
  const byWarehouse = groupBy(
    freights.filter((f) => f.origin.kind === 'Warehouse'),
    (f) => f.origin.name,
  );
  return warehouses.flatMap((w) => {
    const list = byWarehouse.get(w.metadata.name) ?? [];
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

/** The watch-fed caches garbage collection reads, as Kargo's collector reads its client's. */
export interface GcCaches {
  promotions: { list(namespace: string): Promotion[] };
  freight: { list(namespace: string): Freight[] };
  stages: { list(namespace: string): Stage[] };
  warehouses: { list(namespace: string): Warehouse[] };
}

/** Kargo's garbage collection for one project namespace: reads the caches, deletes through the API. */
export async function collectGarbage(
  api: KargoApi,
  caches: GcCaches,
  namespace: string,
  limits: GcLimits,
  now: number,
): Promise<number> {
  const stalePromos = stalePromotions(caches.promotions.list(namespace), limits, now);
  const stale = staleFreight(
    caches.warehouses.list(namespace),
    caches.freight.list(namespace),
    caches.stages.list(namespace),
    limits,
    now,
  );
  // A cache may not show a deletion yet, and the Freight webhook refuses Freight a Stage took
  // meanwhile: such a deletion fails alone and the next round looks again.
  const ignore = () => undefined;
  for (const p of stalePromos)
    await api.delete('Promotion', namespace, p.metadata.name).catch(ignore);
  for (const f of stale) await api.delete('Freight', namespace, f.metadata.name).catch(ignore);
  return stalePromos.length + stale.length;
}
