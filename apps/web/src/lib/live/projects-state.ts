import type { ProjectSummary } from '@wharf/shared/api';

export interface ProjectsState {
  version: string;
  items: readonly ProjectSummary[];
}

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
