import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import {
  ActivityDeltaSchema,
  AttentionDeltaSchema,
  AttentionSnapshotSchema,
  ResyncRequiredSchema,
  type AttentionSnapshot,
} from '@wharf/shared/api';
import { applyActivityDelta, applyAttentionDelta } from './attention-state';
import { connected, emitWithAck } from './join';
import { getSocket } from './socket';

const key = ['attention', 'live'] as const;

async function joinAttention(): Promise<AttentionSnapshot> {
  await connected();
  const raw = await emitWithAck<unknown>((ack) => getSocket().emit('attention:join', {}, ack));
  return AttentionSnapshotSchema.parse(raw);
}

export const attentionLiveQuery = () =>
  queryOptions({
    queryKey: key,
    queryFn: joinAttention,
    staleTime: Infinity,
    gcTime: 30_000,
  });

/**
 * What needs attention in every project the user may see, kept live: the attention room's
 * deltas replace a project's items; a resync (what the user may see changed) or a reconnect
 * joins again for a fresh snapshot.
 */
export function useAttentionLive() {
  const queryClient = useQueryClient();
  const query = useQuery(attentionLiveQuery());
  useEffect(() => {
    const socket = getSocket();
    const rejoin = async () => {
      try {
        queryClient.setQueryData(key, await joinAttention());
      } catch {
        await queryClient.invalidateQueries({ queryKey: key });
      }
    };
    const update = (f: (s: AttentionSnapshot) => AttentionSnapshot) =>
      queryClient.setQueryData<AttentionSnapshot>(key, (s) => (s ? f(s) : s));
    const onItems = (raw: unknown) => {
      const d = AttentionDeltaSchema.safeParse(raw);
      if (d.success) update((s) => applyAttentionDelta(s, d.data));
      else void rejoin();
    };
    const onActivity = (raw: unknown) => {
      const d = ActivityDeltaSchema.safeParse(raw);
      if (d.success) update((s) => applyActivityDelta(s, d.data));
    };
    const onResync = (raw: unknown) => {
      const msg = ResyncRequiredSchema.safeParse(raw);
      if (msg.success && msg.data.scope === 'attention') void rejoin();
    };
    const onConnect = () => {
      if (queryClient.getQueryData(key)) void rejoin();
    };
    socket.on('attention:delta', onItems);
    socket.on('activity:delta', onActivity);
    socket.on('resync-required', onResync);
    socket.on('connect', onConnect);
    return () => {
      socket.off('attention:delta', onItems);
      socket.off('activity:delta', onActivity);
      socket.off('resync-required', onResync);
      socket.off('connect', onConnect);
      if (socket.connected) socket.emit('attention:leave', {}, () => undefined);
    };
  }, [queryClient]);
  return query;
}
