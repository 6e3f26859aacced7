import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { EventsDeltaSchema, type EventPage, type EventView } from '@wharf/shared/api';
import { mergeEvents } from './merge-events';
import { getSocket } from './socket';

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
