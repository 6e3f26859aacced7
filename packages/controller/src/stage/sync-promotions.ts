import {
  isTerminalPromotionPhase,
  isTerminalVerificationPhase,
  type Promotion,
  type StageStatus,
} from '@wharf/shared';

/** Promotions of one Stage, oldest first (names sort by creation time thanks to the ULID). */
export const byName = (a: Promotion, b: Promotion) =>
  a.metadata.name.localeCompare(b.metadata.name);

/**
 * Kargo lets the next Promotion start only once the Freight the Stage holds has been verified
 * (or its verification ended): a running AnalysisRun, or a success not yet verified, holds the
 * queue (regular_stages.go syncPromotions). A verification that failed or was aborted does not.
 */
function verificationHoldsQueue(status: StageStatus): boolean {
  const current = status.freightHistory?.[0];
  if (!current) return false;
  const latest = current.verificationHistory?.[0];
  if (latest && !isTerminalVerificationPhase(latest.phase)) return true;
  const healthy = status.health === undefined || status.health.status === 'Healthy';
  return healthy && !latest;
}

/**
 * Steps 1–2 of Kargo's Stage reconcile: when the newest terminal Promotion is new to us it becomes
 * lastPromotion, and a success pushes its Freight collection onto freightHistory (newest first, at
 * most 10); the oldest non-terminal Promotion becomes current unless verification holds the queue.
 */
export function syncPromotions(
  status: StageStatus,
  promos: Promotion[],
): { status: StageStatus; justSucceeded: boolean } {
  const sorted = [...promos].sort(byName);
  const next: StageStatus = { ...status };
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
      next.freightHistory = [
        { ...coll, verificationHistory: [] },
        ...(status.freightHistory ?? []),
      ].slice(0, 10);
      justSucceeded = true;
    }
  }
  const pending = sorted.find((p) => !isTerminalPromotionPhase(p.status?.phase));
  const stillCurrent = pending && status.currentPromotion?.name === pending.metadata.name;
  if (pending && (stillCurrent || (!justSucceeded && !verificationHoldsQueue(next))))
    next.currentPromotion = {
      name: pending.metadata.name,
      ...(pending.status?.freight ? { freight: pending.status.freight } : {}),
    };
  else delete next.currentPromotion;
  return { status: next, justSucceeded };
}
