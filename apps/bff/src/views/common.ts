import { ANNOTATIONS, type Condition, type ObjectMeta } from '@wharf/shared';
import type { Condition as WireCondition, RefreshState } from '@wharf/shared/api';

/** Refresh is pending from the moment the annotation is set until status.lastHandledRefresh equals it. */
export function refreshState(meta: ObjectMeta, lastHandled: string | undefined): RefreshState {
  const requestedAt = meta.annotations?.[ANNOTATIONS.refresh];
  return {
    ...(requestedAt ? { requestedAt } : {}),
    ...(lastHandled ? { lastHandledAt: lastHandled } : {}),
    pending: requestedAt !== undefined && requestedAt !== lastHandled,
  };
}

export function conditionsOf(conditions: Condition[] | undefined): WireCondition[] {
  return (conditions ?? []).map((c) => ({
    type: c.type,
    status: c.status,
    ...(c.reason ? { reason: c.reason } : {}),
    ...(c.message ? { message: c.message } : {}),
    ...(c.lastTransitionTime ? { lastTransitionTime: c.lastTransitionTime } : {}),
  }));
}

/** Only the keys whose value is defined, so views never carry `undefined` (zod optional ≠ undefined). */
export function defined<T extends Record<string, unknown>>(
  obj: T,
): { [K in keyof T]: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[k] = v;
  return out as { [K in keyof T]: Exclude<T[K], undefined> };
}

export function metaBase(meta: ObjectMeta) {
  return {
    name: meta.name,
    project: meta.namespace ?? '',
    uid: meta.uid ?? '',
    resourceVersion: meta.resourceVersion ?? '',
    ...(meta.creationTimestamp ? { createdAt: meta.creationTimestamp } : {}),
  };
}
