import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import {
  ActivityDeltaSchema,
  AttentionDeltaSchema,
  AttentionSnapshotSchema,
  ResyncRequiredSchema,
  type AttentionSnapshot,
} from '@wharf/shared/api';
import { attentionKey as key, attentionQuery } from '@/lib/api/attention';
import { HttpError } from '@/lib/http';
import { applyActivityDelta, applyAttentionDelta } from './attention-state';
import { connected, emitWithAck } from './join';
import { getSocket } from './socket';
import { reaskCockpitCapabilities, useCockpitAccessChanges } from './use-cockpit-access-changes';

/** After a join that failed (no answer in time, a server error), the next try. */
const JOIN_RETRY_MS = 5_000;

async function joinAttention(): Promise<AttentionSnapshot> {
  await connected();
  const raw = await emitWithAck<unknown>((ack) => getSocket().emit('attention:join', {}, ack));
  return AttentionSnapshotSchema.parse(raw);
}

/**
 * What needs attention in every project the user may see, kept live. The first paint shows the
 * REST read (attentionQuery); meanwhile the page joins the attention room, whose snapshot
 * replaces it, and whose deltas then replace a project's items. A resync (what the user may see
 * changed) or a reconnect joins again for a fresh snapshot.
 */
export function useAttentionLive() {
  const queryClient = useQueryClient();
  const query = useQuery(attentionQuery());
  // Members of the room are told of RBAC changes in the projects they see.
  useCockpitAccessChanges();
  useEffect(() => {
    const socket = getSocket();
    let mounted = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const join = async () => {
      clearTimeout(retry);
      try {
        const snapshot = await joinAttention();
        if (!mounted) return;
        // The room's snapshot is at least as new as a REST read: one still in flight must not
        // land over it (nor over the deltas after it). Cancelling is synchronous.
        void queryClient.cancelQueries({ queryKey: key });
        queryClient.setQueryData(key, snapshot);
        reaskCockpitCapabilities(queryClient);
      } catch (err) {
        if (!mounted) return;
        // Not in the room, so no deltas: read afresh now and try the room again soon, unless
        // the server refused for good (a 401 already sends the user to sign in).
        await queryClient.invalidateQueries({ queryKey: key });
        if (!(err instanceof HttpError && err.status < 500))
          retry = setTimeout(() => void join(), JOIN_RETRY_MS);
      }
    };
    const onConnect = () => void join();
    const update = (f: (s: AttentionSnapshot) => AttentionSnapshot) =>
      queryClient.setQueryData<AttentionSnapshot>(key, (s) => (s ? f(s) : s));
    const onItems = (raw: unknown) => {
      const d = AttentionDeltaSchema.safeParse(raw);
      if (d.success) update((s) => applyAttentionDelta(s, d.data));
      else void join();
    };
    const onActivity = (raw: unknown) => {
      const d = ActivityDeltaSchema.safeParse(raw);
      if (d.success) update((s) => applyActivityDelta(s, d.data));
    };
    const onResync = (raw: unknown) => {
      const msg = ResyncRequiredSchema.safeParse(raw);
      if (msg.success && msg.data.scope === 'attention') void join();
    };
    socket.on('attention:delta', onItems);
    socket.on('activity:delta', onActivity);
    socket.on('resync-required', onResync);
    // Deltas reach members only: join on every connect, the first one included.
    socket.on('connect', onConnect);
    if (socket.connected) void join();
    else void connected();
    return () => {
      mounted = false;
      clearTimeout(retry);
      socket.off('attention:delta', onItems);
      socket.off('activity:delta', onActivity);
      socket.off('resync-required', onResync);
      socket.off('connect', onConnect);
      if (socket.connected) socket.emit('attention:leave', {}, () => undefined);
    };
  }, [queryClient]);
  return query;
}
