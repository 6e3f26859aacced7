import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  PromotionWindowSchema,
  type ProjectPromotionsRequest,
  type PromotionView,
} from '@wharf/shared/api';
import { connected, emitWithAck, whenInRoom } from './join';
import { promotionWindowsKey, projectLiveKey } from './keys';
import { mergePromotions, type ProjectState } from './project-state';
import { getSocket } from './socket';

/**
 * Asks the BFF, on the room's socket, for a stage's promotions or some by name, and merges the
 * answer into the live state. It arrives in order with the deltas, so every promotion created
 * or changed after it arrives as a delta and nothing merged is older than what the state holds.
 */
async function requestPromotions(
  qc: QueryClient,
  project: string,
  req: ProjectPromotionsRequest,
): Promise<PromotionView[]> {
  await connected();
  // The BFF answers only sockets in the room: a join in flight (a return to the project) first.
  await whenInRoom(project);
  const raw = await emitWithAck<unknown>((ack) => getSocket().emit('project:promotions', req, ack));
  const { items } = PromotionWindowSchema.parse(raw);
  qc.setQueryData<ProjectState>(projectLiveKey(project), (s) =>
    s ? mergePromotions(s, items) : s,
  );
  return items;
}

/** Newest first (a promotion's name starts with its stage and sorts by creation within it). */
const newestFirst = (a: PromotionView, b: PromotionView) => b.name.localeCompare(a.name);

/**
 * Every promotion of a stage, newest first, live: the snapshot holds only the project's newest,
 * so the stage's are asked for once per snapshot; later ones arrive as deltas.
 */
export function useStagePromotions(state: ProjectState, stage: string) {
  const qc = useQueryClient();
  const project = state.project;
  const query = useQuery({
    queryKey: [...promotionWindowsKey(project, state.snapshotId), 'stage', stage],
    queryFn: async () => (await requestPromotions(qc, project, { project, stage })).length,
    staleTime: Infinity,
    gcTime: 60_000,
    meta: { quiet: true },
  });
  const items = useMemo(
    () => [...state.promotions.values()].filter((p) => p.stage === stage).sort(newestFirst),
    [state.promotions, stage],
  );
  return { items, loading: query.isPending, error: query.error };
}

/**
 * A promotion by name, live: from the page's state, else asked for once over the socket.
 * `missing` says the BFF does not know it (yet: one just created arrives as a delta).
 */
export function usePromotion(state: ProjectState, name: string | undefined) {
  const qc = useQueryClient();
  const project = state.project;
  const held = name === undefined ? undefined : state.promotions.get(name);
  const ask = name !== undefined && !held;
  const query = useQuery({
    queryKey: [...promotionWindowsKey(project, state.snapshotId), 'name', name ?? ''],
    queryFn: async () =>
      (await requestPromotions(qc, project, { project, names: [name ?? ''] })).length,
    enabled: ask,
    staleTime: Infinity,
    meta: { quiet: true },
  });
  return {
    promotion: held,
    loading: ask && query.isPending,
    missing: ask && query.isSuccess,
  };
}
