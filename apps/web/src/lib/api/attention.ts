import { queryOptions } from '@tanstack/react-query';
import { AttentionSnapshotSchema } from '@wharf/shared/api';
import { api } from '@/lib/http';

/** Where the attention snapshot lives in the query cache; the attention room updates it there. */
export const attentionKey = ['attention', 'live'] as const;

/**
 * What needs attention, read over REST: one request the screen's loader sends in parallel with
 * loading the screen's code, so the first paint waits neither for the socket's connect nor for
 * the room's join. The room (useAttentionLive) then replaces it with its own snapshot and deltas.
 */
export const attentionQuery = () =>
  queryOptions({
    queryKey: attentionKey,
    queryFn: ({ signal }) =>
      api('attention', { signal }, (body) => AttentionSnapshotSchema.parse(body)),
    staleTime: Infinity,
    gcTime: 30_000,
  });
