import { compareAttention, type AttentionItem, type AttentionKind } from '@wharf/shared';
import type { AttentionSnapshot, EventView } from '@wharf/shared/api';
import type { AttentionIndex } from './attention-index.js';
import {
  mayRead,
  visibleItems,
  visibleProjectNames,
  type AttentionVisibility,
} from './attention-visibility.js';

export interface SnapshotFilter {
  projects?: readonly string[] | undefined;
  kinds?: readonly AttentionKind[] | undefined;
  /** How many recent events. */
  activity: number;
}

const newestFirst = (a: EventView, b: EventView) =>
  (b.time ?? '').localeCompare(a.time ?? '') || a.name.localeCompare(b.name);

/** What a caller sees of the cockpit: the items and recent events of its visible projects. */
export function attentionSnapshot(
  index: AttentionIndex,
  v: AttentionVisibility,
  filter: SnapshotFilter,
): AttentionSnapshot {
  const wanted = filter.projects ? new Set(filter.projects) : undefined;
  const kinds = filter.kinds ? new Set(filter.kinds) : undefined;
  const projects = visibleProjectNames(v, index.projects());
  const items: AttentionItem[] = [];
  let activity: EventView[] = [];
  for (const p of projects) {
    if (wanted && !wanted.has(p)) continue;
    for (const i of visibleItems(v, p, index.itemsOf(p)))
      if (!kinds || kinds.has(i.kind)) items.push(i);
    if (filter.activity > 0 && mayRead(v, p, 'events')) activity.push(...index.activityOf(p));
  }
  activity = activity.sort(newestFirst).slice(0, filter.activity);
  return {
    items: items.sort(compareAttention),
    activity,
    projects,
    slowPromotionMinutes: index.slowPromotionMs / 60_000,
    errors: index.staleKinds(),
  };
}
