import type { Condition } from '@wharf/shared';

export type CondStatus = 'True' | 'False' | 'Unknown';

/**
 * Sets a condition, keeping its lastTransitionTime when the status doesn't change (so status
 * patches stay quiet when nothing happened).
 */
export function setCondition(
  list: Condition[] | undefined,
  type: string,
  status: CondStatus,
  reason: string,
  message: string,
  now: string,
  generation?: number,
): Condition[] {
  const old = list?.find((c) => c.type === type);
  const next: Condition = {
    type,
    status,
    reason,
    message,
    lastTransitionTime:
      old && old.status === status && old.lastTransitionTime ? old.lastTransitionTime : now,
    ...(generation !== undefined ? { observedGeneration: generation } : {}),
  };
  return [...(list ?? []).filter((c) => c.type !== type), next].sort((a, b) =>
    a.type.localeCompare(b.type),
  );
}

export function removeCondition(list: Condition[] | undefined, type: string): Condition[] {
  return (list ?? []).filter((c) => c.type !== type);
}

export const conditionOf = (list: Condition[] | undefined, type: string) =>
  list?.find((c) => c.type === type);
