import { compareAttention } from '@wharf/shared';
import type {
  ActivityDelta,
  AttentionDelta,
  AttentionSnapshot,
  EventView,
} from '@wharf/shared/api';

/** How many recent events the page keeps once deltas arrive (the server sends 30 at join). */
export const ACTIVITY_KEPT = 50;

/** Replaces one project's items with the delta's (deltas are whole per project). */
export function applyAttentionDelta(s: AttentionSnapshot, d: AttentionDelta): AttentionSnapshot {
  const items = [...s.items.filter((i) => i.project !== d.project), ...d.items];
  return { ...s, items: items.sort(compareAttention) };
}

const newestFirst = (a: EventView, b: EventView) =>
  (b.time ?? '').localeCompare(a.time ?? '') || a.name.localeCompare(b.name);

/** New or updated events replace the ones with the same uid; newest first, at most ACTIVITY_KEPT. */
export function applyActivityDelta(s: AttentionSnapshot, d: ActivityDelta): AttentionSnapshot {
  const fresh = new Set(d.events.map((e) => e.uid));
  const activity = [...d.events, ...s.activity.filter((e) => !fresh.has(e.uid))]
    .sort(newestFirst)
    .slice(0, ACTIVITY_KEPT);
  return { ...s, activity };
}
