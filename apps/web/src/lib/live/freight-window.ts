import {
  keepPreviousData,
  useInfiniteQuery,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { useMemo } from 'react';
import type { FreightSortKey } from '@wharf/shared';
export type { FreightFilter } from './freight-filter';
import { FreightWindowSchema, type ProjectFreightRequest } from '@wharf/shared/api';
import { shownFreight, specOf, type FreightFilter } from './freight-filter';
import { keyOfView, type ProjectState } from './project-state';
import { askRoom } from './room-request';
import { getSocket } from './socket';
import { freightWindowsKey, projectLiveKey } from './keys';

const PAGE = 50;

/** Asks the BFF, on the room's socket, for a page or some freight by name; merges the answer. */
const requestFreight = (qc: QueryClient, project: string, req: ProjectFreightRequest) =>
  askRoom(
    qc,
    project,
    'freight',
    (ack) => getSocket().emit('project:freight', req, ack),
    (raw) => FreightWindowSchema.parse(raw),
  );

/** A filter as the BFF's freight query says it, the time window measured from `asked`. */
function queryOf(filter: FreightFilter, asked: number) {
  const since = filter.sinceMs !== undefined ? asked - filter.sinceMs : undefined;
  return {
    ...(filter.origin ? { origin: filter.origin } : {}),
    ...(filter.stage ? { stage: filter.stage } : {}),
    ...(filter.q?.trim() ? { q: filter.q.trim() } : {}),
    ...(filter.inUse ? { inUse: true } : {}),
    ...(since !== undefined ? { since: new Date(since).toISOString() } : {}),
  };
}

/** The origins a stage requests, as one key part. */
const originsOf = (state: ProjectState, stage: string) =>
  state.stages
    .get(stage)
    ?.requestedFreight.map((r) => r.origin.name)
    .join(',');

const isEmpty = (f: FreightFilter) =>
  !f.origin && !f.stage && !f.q?.trim() && !f.inUse && f.sinceMs === undefined;

interface WindowPage {
  nextCursor: string | null;
  /** Where this page ended; with nextCursor null, nothing is left after it. */
  boundary: FreightSortKey | null;
  total: number;
  /** The time `sinceMs` was measured from, so every page asks about the same window. */
  now: number;
}

/** Without a filter, the first page is the snapshot's newest freight. */
const snapshotPage = (held: ProjectState, now: number): WindowPage => ({
  nextCursor: held.newestCursor,
  boundary: held.newestBoundary,
  total: held.freightTotal,
  now,
});

/**
 * The freight a filter shows, newest first, live: what the page knows that passes the filter
 * (the shared rule), up to where the loaded pages end. Pages come over the room's socket, so
 * their answers and the deltas arrive in one order; new freight and changes arrive as deltas.
 * Without a filter the first page is the snapshot's.
 */
export function useFreightWindow(state: ProjectState, filter: FreightFilter, now: number) {
  const qc = useQueryClient();
  const project = state.project;
  const stageOrigins = filter.stage ? originsOf(state, filter.stage) : undefined;
  const query = useInfiniteQuery({
    // The stage's origins are part of the key: when they change, the pages are void.
    queryKey: [...freightWindowsKey(project, state.snapshotId), filter, stageOrigins ?? null],
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }): Promise<WindowPage> => {
      const held = qc.getQueryData<ProjectState>(projectLiveKey(project));
      const asked = Date.now();
      if (pageParam === null && isEmpty(filter) && held) return snapshotPage(held, asked);
      const cursor = pageParam;
      const window = await requestFreight(qc, project, {
        project,
        query: { limit: PAGE, ...queryOf(filter, asked), ...(cursor ? { cursor } : {}) },
      });
      const last = window.items.at(-1);
      return {
        nextCursor: window.nextCursor,
        boundary: last ? keyOfView(last) : null,
        total: window.total,
        now: asked,
      };
    },
    getNextPageParam: (last) => last.nextCursor,
    // The snapshot's page is known now: the first render shows its cards, not a progress bar.
    initialData: isEmpty(filter)
      ? () => ({ pages: [snapshotPage(state, Date.now())], pageParams: [null] })
      : undefined,
    staleTime: Infinity,
    gcTime: 60_000,
    meta: { quiet: true },
  });
  const pages = query.data?.pages;
  const items = useMemo(() => {
    if (!pages) return [];
    const last = pages.at(-1);
    // Measure the time window from no earlier than the first page did.
    const spec = specOf(state, filter, Math.max(now, pages[0]?.now ?? now));
    return shownFreight(
      state.freight.values(),
      spec,
      last?.nextCursor !== null ? last?.boundary : null,
    );
  }, [pages, state, filter, now]);
  const total = isEmpty(filter) ? state.freightTotal : pages?.[0]?.total;
  return {
    items,
    total,
    loading: query.isPending,
    error: query.error,
    hasMore: query.hasNextPage,
    loadingMore: query.isFetchingNextPage,
    loadMore: () => void query.fetchNextPage(),
  };
}

/**
 * What a count of the freight passing `filter` depends on: any freight added, changed or
 * removed (a freight's use changes with it), and the origins the filter's stage requests.
 */
export function freightCountKey(state: ProjectState, filter: FreightFilter) {
  return [
    ...freightWindowsKey(state.project, state.snapshotId),
    'count',
    filter,
    state.freightChanges,
    filter.stage ? (originsOf(state, filter.stage) ?? null) : null,
  ] as const;
}

/**
 * How many freight pass a filter, live: asked again (one freight, for its total) whenever
 * freight arrives, changes or goes. A lane header shows it whether the lane is open or not.
 */
export function useFreightCount(state: ProjectState, filter: FreightFilter, now: number) {
  const qc = useQueryClient();
  const project = state.project;
  const query = useQuery({
    queryKey: freightCountKey(state, filter),
    queryFn: async () => {
      const window = await requestFreight(qc, project, {
        project,
        query: { limit: 1, ...queryOf(filter, now) },
      });
      return window.total;
    },
    staleTime: Infinity,
    placeholderData: keepPreviousData,
    meta: { quiet: true },
  });
  return query.data;
}

/**
 * Freight by name (or alias), live: from the page's state, else asked for once over the socket.
 * `missing` lists names the BFF does not know (deleted, or never existed).
 */
export function useFreightByNames(state: ProjectState, names: readonly string[]) {
  const qc = useQueryClient();
  const unknown = [...new Set(names.filter((n) => !state.freight.has(n)))].sort().slice(0, 100);
  const query = useQuery({
    queryKey: [...freightWindowsKey(state.project, state.snapshotId), 'names', unknown],
    queryFn: async () => {
      const window = await requestFreight(qc, state.project, {
        project: state.project,
        names: unknown,
      });
      return window.items.flatMap((f) => [f.name, ...(f.alias ? [f.alias] : [])]);
    },
    enabled: unknown.length > 0,
    staleTime: Infinity,
    meta: { quiet: true },
  });
  const found = new Set(query.data ?? []);
  return {
    get: (name: string) =>
      state.freight.get(name) ?? [...state.freight.values()].find((f) => f.alias === name),
    loading: unknown.length > 0 && query.isPending,
    missing: query.isSuccess ? unknown.filter((n) => !found.has(n)) : [],
  };
}
