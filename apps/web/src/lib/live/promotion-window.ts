import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  PromotionWindowSchema,
  type ProjectPromotionsRequest,
  type PromotionView,
} from '@wharf/shared/api';
import { promotionWindowsKey } from './keys';
import type { ProjectState } from './project-state';
import { askRoom } from './room-request';
import { getSocket } from './socket';

/** Asks the BFF, on the room's socket, for a stage's promotions or some by name; merges them. */
const requestPromotions = async (qc: QueryClient, project: string, req: ProjectPromotionsRequest) =>
  (
    await askRoom(
      qc,
      project,
      'promotions',
      (ack) => getSocket().emit('project:promotions', req, ack),
      (raw) => PromotionWindowSchema.parse(raw),
    )
  ).items;

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
