import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import {
  ProjectsDeltaSchema,
  ProjectsJoinResultSchema,
  ResyncRequiredSchema,
} from '@wharf/shared/api';
import { connected, emitWithAck } from './join';
import { applyProjectsDelta, type ProjectsState } from './projects-state';
import { getSocket } from './socket';

const key = ['projects', 'live'] as const;

async function joinProjects(version?: string) {
  await connected();
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
    const onResync = (raw: unknown) => {
      const msg = ResyncRequiredSchema.safeParse(raw);
      if (msg.success && msg.data.scope === 'projects') void rejoin(false);
    };
    const onConnect = () => {
      if (queryClient.getQueryData(key)) void rejoin(true);
    };
    socket.on('projects:delta', onDelta);
    socket.on('resync-required', onResync);
    socket.on('connect', onConnect);
    return () => {
      socket.off('projects:delta', onDelta);
      socket.off('resync-required', onResync);
      socket.off('connect', onConnect);
      if (socket.connected) socket.emit('projects:leave', {}, () => undefined);
    };
  }, [queryClient]);
  return query;
}
