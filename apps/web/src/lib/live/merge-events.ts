import type { EventPage, EventView } from '@wharf/shared/api';

/** Merges new events into the first page, newest first, replacing updated ones (same uid). */
export function mergeEvents(
  page: EventPage,
  incoming: readonly EventView[],
  keep: (e: EventView) => boolean,
): EventPage {
  const fresh = incoming.filter(keep);
  if (fresh.length === 0) return page;
  const uids = new Set(fresh.map((e) => e.uid));
  const rest = page.items.filter((e) => !uids.has(e.uid));
  const added = fresh.length - (page.items.length - rest.length);
  return { ...page, items: [...fresh, ...rest].slice(0, page.limit), total: page.total + added };
}
