import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import {
  ProjectsDeltaSchema,
  ProjectsJoinResultSchema,
  ResyncRequiredSchema,
} from '@wharf/shared/api';
import { connected, emitWithAck } from './join';
import { applyProjectsDelta, type ProjectsState } from './projects-state';
import { RoomInbox } from './room-inbox';
import { getSocket } from './socket';

const key = ['projects', 'live'] as const;
/** There is one projects room: every push is its. */
const ROOM = 'projects';
const deltas = new RoomInbox(getSocket, 'projects:delta', () => ROOM);
const resyncs = new RoomInbox(getSocket, 'resync-required', (raw) =>
  ResyncRequiredSchema.safeParse(raw).data?.scope === 'projects' ? ROOM : undefined,
);

async function joinProjects(version?: string) {
  await connected();
  deltas.expect(ROOM);
  resyncs.expect(ROOM);
  const raw = await emitWithAck<unknown>((ack) =>
    getSocket().emit('projects:join', version ? { version } : {}, ack),
  );
  return ProjectsJoinResultSchema.parse(raw);
}

export const projectsLiveQuery = () =>
  queryOptions({
    queryKey: key,
    queryFn: async (): Promise<ProjectsState> => {
      const r = await joinProjects();
      if (r.mode !== 'snapshot')
        throw new Error('The server resumed a room this page never joined.');
      return { version: r.version, items: r.items };
    },
    staleTime: Infinity,
    gcTime: 30_000,
  });

export function useProjectsLive() {
  const queryClient = useQueryClient();
  const query = useQuery(projectsLiveQuery());
  useEffect(() => {
    const socket = getSocket();
    const rejoin = async (fromVersion: boolean) => {
      const held = queryClient.getQueryData<ProjectsState>(key);
      try {
        const r = await joinProjects(fromVersion ? held?.version : undefined);
        if (r.mode === 'snapshot')
          queryClient.setQueryData(key, { version: r.version, items: r.items });
      } catch {
        await queryClient.invalidateQueries({ queryKey: key });
      }
    };
    const onDelta = (raw: unknown) => {
      const parsed = ProjectsDeltaSchema.safeParse(raw);
      const held = queryClient.getQueryData<ProjectsState>(key);
      if (!parsed.success || !held) return void rejoin(false);
      const next = applyProjectsDelta(held, parsed.data);
      if (next) queryClient.setQueryData(key, next);
      else void rejoin(false);
    };
    const startOver = () => void rejoin(false);
    const onConnect = () => {
      if (queryClient.getQueryData(key)) void rejoin(true);
    };
    // Pushes since the route loader's join come first: the room does not send them again.
    const unlistenDeltas = deltas.listen(ROOM, onDelta, startOver);
    const unlistenResyncs = resyncs.listen(ROOM, startOver, startOver);
    socket.on('connect', onConnect);
    return () => {
      unlistenDeltas();
      unlistenResyncs();
      deltas.forget(ROOM);
      resyncs.forget(ROOM);
      socket.off('connect', onConnect);
      if (socket.connected) socket.emit('projects:leave', {}, () => undefined);
    };
  }, [queryClient]);
  return query;
}
