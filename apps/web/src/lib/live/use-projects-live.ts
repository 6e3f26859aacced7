import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import {
  ProjectsDeltaSchema,
  ProjectsJoinResultSchema,
  ResyncRequiredSchema,
  type ProjectSummary,
} from '@wharf/shared/api';
import { connected, emitWithAck } from './join';
import { getSocket } from './socket';

export interface ProjectsState {
  version: string;
  items: readonly ProjectSummary[];
}

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

/** Applies a projects delta when it continues the held version; undefined means "join again". */
export function applyProjectsDelta(
  state: ProjectsState,
  delta: { version: string; previousVersion: string; upserts: ProjectSummary[]; deletes: string[] },
): ProjectsState | undefined {
  if (delta.previousVersion !== state.version) return undefined;
  const byName = new Map(state.items.map((p) => [p.name, p]));
  for (const p of delta.upserts) byName.set(p.name, p);
  for (const n of delta.deletes) byName.delete(n);
  return { version: delta.version, items: [...byName.values()] };
}

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
