import { compareFreightKeys, freightSortKey, type FreightSortKey } from '@wharf/shared';
import type {
  FreightView,
  PartialError,
  ProjectDelta,
  ProjectEntityKind,
  ProjectSnapshot,
  ProjectSummary,
  PromotionView,
  RoomStageView,
  WarehouseView,
} from '@wharf/shared/api';

/** One project as the browser holds it: keyed maps so a delta touches only what changed. */
export interface ProjectState {
  project: string;
  version: string;
  /** Which snapshot this state grew from (deltas keep it; a new snapshot gets a new one). */
  snapshotId: number;
  /** Absent when the user may not get the Project itself (the REST summary would be a 403). */
  summary?: ProjectSummary;
  stages: ReadonlyMap<string, RoomStageView>;
  warehouses: ReadonlyMap<string, WarehouseView>;
  /**
   * The freight this page knows, kept live: the snapshot's newest, what the timeline and drawers
   * asked for since, and every freight a delta touched. Not every freight of the project.
   */
  freight: ReadonlyMap<string, FreightView>;
  /** How many freight the project has. */
  freightTotal: number;
  /**
   * How many deltas so far added, changed or removed freight: what a count over a filter
   * depends on (the total can stay the same when one lane gains a freight and another loses one).
   */
  freightChanges: number;
  /**
   * Where the snapshot's newest freight end: everything up to this key (newest first) is known.
   * Null when the snapshot held every freight.
   */
  newestBoundary: FreightSortKey | null;
  /** The BFF's cursor for the freight after the snapshot's newest (null: there are none). */
  newestCursor: string | null;
  /**
   * The promotions this page knows, kept live: the snapshot's newest, what drawers asked for
   * since (a stage's, or one by name), and every promotion a delta touched.
   */
  promotions: ReadonlyMap<string, PromotionView>;
  errors: readonly PartialError[];
}

const byName = <T extends { name: string }>(items: readonly T[]) =>
  new Map(items.map((i) => [i.name, i]));

/** The sort key of a freight view (the same order the BFF pages in). */
export const keyOfView = (f: Pick<FreightView, 'discoveredAt' | 'createdAt' | 'name'>) =>
  freightSortKey(f);

/** The key of the last of `items` in newest-first order (where a page ended). */
function oldestKey(items: readonly FreightView[]): FreightSortKey | null {
  let oldest: FreightSortKey | null = null;
  for (const f of items) {
    const k = keyOfView(f);
    if (!oldest || compareFreightKeys(k, oldest) > 0) oldest = k;
  }
  return oldest;
}

let snapshots = 0;

export function fromSnapshot(s: ProjectSnapshot): ProjectState {
  return {
    project: s.project,
    version: s.version,
    snapshotId: ++snapshots,
    ...(s.summary ? { summary: s.summary } : {}),
    stages: byName(s.stages),
    warehouses: byName(s.warehouses),
    freight: byName(s.freight),
    freightTotal: s.freightWindow.total,
    freightChanges: 0,
    newestBoundary: s.freightWindow.nextCursor === null ? null : oldestKey(s.freight),
    newestCursor: s.freightWindow.nextCursor,
    promotions: byName(s.promotions),
    errors: s.errors,
  };
}

/** The kinds the page asks the room for beyond its snapshot. */
export interface FetchedKinds {
  freight: FreightView;
  promotions: PromotionView;
}

/**
 * Adds freight or promotions the server sent in answer to a request on the room's socket. They
 * were read after every delta already applied, so they are at least as new as what the state holds.
 */
export function mergeFetched<K extends keyof FetchedKinds>(
  state: ProjectState,
  kind: K,
  items: readonly FetchedKinds[K][],
): ProjectState {
  if (items.length === 0) return state;
  const current = state[kind] as ReadonlyMap<string, { name: string }>;
  return { ...state, [kind]: patch(current, items, []) };
}

function patch<T extends { name: string }>(
  current: ReadonlyMap<string, T>,
  upserts: readonly T[],
  deletes: readonly string[],
): ReadonlyMap<string, T> {
  if (upserts.length === 0 && deletes.length === 0) return current; // keep identity: no re-render
  const next = new Map(current);
  for (const item of upserts) next.set(item.name, item);
  for (const name of deletes) next.delete(name);
  return next;
}

/**
 * Applies a delta when it continues the version held. Returns `undefined` when it does not
 * (a delta was missed): the caller must join again. Versions are compared for equality only.
 */
export function applyDelta(state: ProjectState, delta: ProjectDelta): ProjectState | undefined {
  if (delta.previousVersion !== state.version) return undefined;
  const kinds: ProjectEntityKind[] = ['stages', 'warehouses', 'freight', 'promotions'];
  const summary = delta.summary ?? state.summary;
  const next = {
    ...state,
    version: delta.version,
    ...(summary ? { summary } : {}),
    freightTotal: delta.freightTotal ?? state.freightTotal,
    freightChanges:
      delta.upserts.freight.length + delta.deletes.freight.length > 0
        ? state.freightChanges + 1
        : state.freightChanges,
  };
  for (const kind of kinds) {
    // Each kind keeps its own map type; the cast only re-joins the union TypeScript splits.
    (next as Record<ProjectEntityKind, unknown>)[kind] = patch(
      state[kind] as ReadonlyMap<string, { name: string }>,
      delta.upserts[kind],
      delta.deletes[kind],
    );
  }
  return next;
}
