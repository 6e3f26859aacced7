import type {
  FreightView,
  PartialError,
  ProjectDelta,
  ProjectEntityKind,
  ProjectSnapshot,
  ProjectSummary,
  PromotionView,
  StageView,
  WarehouseView,
} from '@wharf/shared/api';

/** One project as the browser holds it: keyed maps so a delta touches only what changed. */
export interface ProjectState {
  project: string;
  version: string;
  /** Absent when the user may not get the Project itself (the REST summary would be a 403). */
  summary?: ProjectSummary;
  stages: ReadonlyMap<string, StageView>;
  warehouses: ReadonlyMap<string, WarehouseView>;
  freight: ReadonlyMap<string, FreightView>;
  promotions: ReadonlyMap<string, PromotionView>;
  errors: readonly PartialError[];
}

const byName = <T extends { name: string }>(items: readonly T[]) =>
  new Map(items.map((i) => [i.name, i]));

export function fromSnapshot(s: ProjectSnapshot): ProjectState {
  return {
    project: s.project,
    version: s.version,
    ...(s.summary ? { summary: s.summary } : {}),
    stages: byName(s.stages),
    warehouses: byName(s.warehouses),
    freight: byName(s.freight),
    promotions: byName(s.promotions),
    errors: s.errors,
  };
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
  const next = { ...state, version: delta.version, ...(summary ? { summary } : {}) };
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
