import { sortFreightNewestFirst } from '@wharf/shared';
import { isTerminalPromotionPhase, type Freight, type Promotion } from '@wharf/shared';
import type { KargoApi } from '../kube/kargo-api.js';

export interface GcLimits {
  promotionsPerStage: number;
  freightPerWarehouse: number;
}
export const DEFAULT_GC: GcLimits = { promotionsPerStage: 20, freightPerWarehouse: 20 };

/** Promotions beyond the newest N terminal ones of each Stage (running ones are never deleted). */
export function stalePromotions(promos: Promotion[], keep: number): Promotion[] {
  const byStage = new Map<string, Promotion[]>();
  for (const p of promos) byStage.set(p.spec.stage, [...(byStage.get(p.spec.stage) ?? []), p]);
  return [...byStage.values()].flatMap((list) =>
    list
      .sort((a, b) => b.metadata.name.localeCompare(a.metadata.name))
      .slice(keep)
      .filter((p) => isTerminalPromotionPhase(p.status?.phase)),
  );
}

/** Freight beyond the newest N of each Warehouse that no Stage holds. */
export function staleFreight(freights: Freight[], keep: number): Freight[] {
  const byOrigin = new Map<string, Freight[]>();
  for (const f of freights)
    byOrigin.set(f.origin.name, [...(byOrigin.get(f.origin.name) ?? []), f]);
  return [...byOrigin.values()].flatMap((list) =>
    sortFreightNewestFirst(list)
      .slice(keep)
      .filter((f) => Object.keys(f.status?.currentlyIn ?? {}).length === 0),
  );
}

/** Kargo's garbage collection for one project namespace. */
export async function collectGarbage(
  api: KargoApi,
  namespace: string,
  limits: GcLimits = DEFAULT_GC,
): Promise<number> {
  const promos = stalePromotions(
    await api.list<Promotion>('Promotion', namespace),
    limits.promotionsPerStage,
  );
  const freight = staleFreight(
    await api.list<Freight>('Freight', namespace),
    limits.freightPerWarehouse,
  );
  for (const p of promos) await api.delete('Promotion', namespace, p.metadata.name);
  for (const f of freight)
    await api.delete('Freight', namespace, f.metadata.name).catch(() => undefined);
  return promos.length + freight.length;
}
