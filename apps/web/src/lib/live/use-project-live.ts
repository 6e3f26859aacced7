import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import {
  ProjectDeltaSchema,
  ProjectJoinResultSchema,
  ResyncRequiredSchema,
  type ProjectJoinResult,
} from '@wharf/shared/api';
import { connected, emitWithAck, forgetRoomJoin, inRoom, trackRoomJoin } from './join';
import { projectLiveKey } from './keys';
import { applyDelta, fromSnapshot, type ProjectState } from './project-state';
import { projectField, RoomInbox } from './room-inbox';
import { getSocket } from './socket';
import { unpackSnapshot } from './unpack-snapshot';

const deltas = new RoomInbox(getSocket, 'project:delta', projectField);
const resyncs = new RoomInbox(getSocket, 'resync-required', (raw) => {
  const msg = ResyncRequiredSchema.safeParse(raw);
  return msg.success && msg.data.scope === 'project' ? msg.data.project : undefined;
});

/** A join's answer once unpacked: its snapshot, or the version it resumed from. */
type Joined = Exclude<ProjectJoinResult, { mode: 'packed' }>;

function join(project: string, version?: string): Promise<Joined> {
  const joined = (async () => {
    await connected();
    deltas.expect(project);
    resyncs.expect(project);
    const sent = performance.now();
    const raw = await emitWithAck<unknown>((ack) =>
      getSocket().emit('project:join', { project, version, encoding: 'gzip' }, ack),
    );
    const answered = performance.now();
    const answer = ProjectJoinResultSchema.parse(raw);
    const result: Joined =
      answer.mode === 'packed'
        ? { mode: 'snapshot', snapshot: await unpackSnapshot(answer.gzip) }
        : answer;
    // For traces (bench/scale/trace-page): the join's round trip, then checking its answer.
    performance.measure('wharf:project-join', { start: sent, end: answered });
    performance.measure('wharf:project-join-parse', { start: answered, end: performance.now() });
    return result;
  })();
  // Registered before any await, so a read started in the same render waits for it.
  trackRoomJoin(project, joined);
  return joined;
}

/** The project's snapshot, joined over the socket; deltas keep it current (see useProjectLive). */
export const projectLiveQuery = (project: string) =>
  queryOptions({
    queryKey: projectLiveKey(project),
    queryFn: async (): Promise<ProjectState> => {
      const result = await join(project);
      if (result.mode !== 'snapshot')
        throw new Error('The server resumed a room this page never joined.');
      return fromSnapshot(result.snapshot);
    },
    staleTime: Infinity,
    gcTime: 30_000,
  });

/**
 * Keeps the project's cache entry live: applies deltas in order, re-joins from the held version
 * after a reconnect, and takes a fresh snapshot when a delta was missed or the server asks.
 */
export function useProjectLive(project: string) {
  const queryClient = useQueryClient();
  const query = useQuery(projectLiveQuery(project));
  useEffect(() => {
    const socket = getSocket();
    const key = projectLiveKey(project);
    let joining = false;
    const rejoin = async (fromVersion: boolean) => {
      if (joining) return;
      joining = true;
      try {
        const held = queryClient.getQueryData<ProjectState>(key);
        const result = await join(project, fromVersion ? held?.version : undefined);
        if (result.mode === 'snapshot')
          queryClient.setQueryData(key, fromSnapshot(result.snapshot));
      } catch {
        await queryClient.invalidateQueries({ queryKey: key });
      } finally {
        joining = false;
      }
    };
    const onDelta = (raw: unknown) => {
      const parsed = ProjectDeltaSchema.safeParse(raw);
      if (!parsed.success) return void rejoin(false);
      const delta = parsed.data;
      const held = queryClient.getQueryData<ProjectState>(key);
      if (!held) return;
      const next = applyDelta(held, delta);
      if (next) queryClient.setQueryData(key, next);
      else void rejoin(false);
    };
    const startOver = () => void rejoin(false);
    const onConnect = () => {
      if (queryClient.getQueryData(key)) void rejoin(true);
    };
    // Pushes since the route loader's join come first: the room does not send them again.
    const unlistenDeltas = deltas.listen(project, onDelta, startOver);
    const unlistenResyncs = resyncs.listen(project, startOver, startOver);
    socket.on('connect', onConnect);
    // Back to a project left earlier (or another screen of it): the held state is shown at once
    // but the room was left, so join again from its version (missed deltas, or a new snapshot).
    if (queryClient.getQueryData(key) && !inRoom(project)) void rejoin(true);
    return () => {
      unlistenDeltas();
      unlistenResyncs();
      socket.off('connect', onConnect);
      forgetRoomJoin(project);
      deltas.forget(project);
      resyncs.forget(project);
      if (socket.connected) socket.emit('project:leave', { project }, () => undefined);
    };
  }, [project, queryClient]);
  return query;
}
