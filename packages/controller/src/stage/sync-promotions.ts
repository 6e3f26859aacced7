import { isTerminalPromotionPhase, type Promotion, type StageStatus } from '@wharf/shared';

/** Promotions of one Stage, oldest first (names sort by creation time thanks to the ULID). */
export const byName = (a: Promotion, b: Promotion) =>
  a.metadata.name.localeCompare(b.metadata.name);

/**
 * Step 1–2 of Kargo's Stage reconcile: the oldest non-terminal Promotion is current; when the
 * newest terminal one is new to us it becomes lastPromotion, and a success pushes its Freight
 * collection onto freightHistory (newest first, at most 10).
 */
export function syncPromotions(
  status: StageStatus,
  promos: Promotion[],
): { status: StageStatus; justSucceeded: boolean } {
  const sorted = [...promos].sort(byName);
  const current = sorted.find((p) => !isTerminalPromotionPhase(p.status?.phase));
  const next: StageStatus = { ...status };
  if (current)
    next.currentPromotion = {
      name: current.metadata.name,
      ...(current.status?.freight ? { freight: current.status.freight } : {}),
    };
  else delete next.currentPromotion;
  const last = sorted.filter((p) => isTerminalPromotionPhase(p.status?.phase)).at(-1);
  let justSucceeded = false;
  if (last && last.metadata.name > (status.lastPromotion?.name ?? '')) {
    next.lastPromotion = {
      name: last.metadata.name,
      ...(last.status?.freight ? { freight: last.status.freight } : {}),
      status: last.status,
      ...(last.status?.finishedAt ? { finishedAt: last.status.finishedAt } : {}),
    };
    const coll = last.status?.freightCollection;
    if (last.status?.phase === 'Succeeded' && coll) {
      const history = (status.freightHistory ?? []).filter((c) => c.id !== coll.id);
      next.freightHistory = [{ ...coll, verificationHistory: [] }, ...history].slice(0, 10);
      justSucceeded = true;
    }
  }
  return { status: next, justSucceeded };
}
