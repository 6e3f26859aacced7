import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { EventsDeltaSchema, type EventPage, type EventView } from '@wharf/shared/api';
import { getSocket } from './socket';

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

/**
 * Live events: deltas for the project are merged into every cached first page whose filter
 * they match (the project room must be joined, which the caller does).
 */
export function useEventsLive(
  project: string,
  matches: (e: EventView, filter: unknown) => boolean,
) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const socket = getSocket();
    const onDelta = (raw: unknown) => {
      const parsed = EventsDeltaSchema.safeParse(raw);
      if (!parsed.success || parsed.data.project !== project) return;
      const cache = queryClient
        .getQueryCache()
        .findAll({ queryKey: ['project', project, 'events'] });
      for (const q of cache) {
        const [, , , filter, offset] = q.queryKey;
        if (offset !== 0) continue;
        queryClient.setQueryData<EventPage>(q.queryKey, (old) =>
          old ? mergeEvents(old, parsed.data.events, (e) => matches(e, filter)) : old,
        );
      }
    };
    socket.on('events:delta', onDelta);
    return () => {
      socket.off('events:delta', onDelta);
    };
  }, [project, queryClient, matches]);
}
