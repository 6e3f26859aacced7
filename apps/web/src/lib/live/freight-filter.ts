import {
  appearedAt,
  compareFreightKeys,
  freightPassesFilter,
  searchTerms,
  type FreightFilterSpec,
  type FreightSortKey,
} from '@wharf/shared';
import type { FreightView } from '@wharf/shared/api';
import { keyOfView, type ProjectState } from './project-state';

/** The timeline's filters as the URL holds them. */
export interface FreightFilter {
  origin?: string;
  /** Only the origins this stage requests. */
  stage?: string;
  q?: string;
  inUse?: boolean;
  /** Only freight that appeared in the last `sinceMs` milliseconds. */
  sinceMs?: number;
}

/** The filter as the shared rule takes it, resolved against the project's stages. */
export function specOf(state: ProjectState, filter: FreightFilter, now: number): FreightFilterSpec {
  const stageOrigins = filter.stage
    ? state.stages.get(filter.stage)?.requestedFreight.map((r) => r.origin.name)
    : undefined;
  let origins: Set<string> | undefined = filter.origin ? new Set([filter.origin]) : undefined;
  if (stageOrigins) origins = new Set(stageOrigins.filter((o) => !origins || origins.has(o)));
  return {
    ...(origins ? { origins } : {}),
    terms: searchTerms(filter.q),
    inUse: filter.inUse ?? false,
    appearedAfter: filter.sinceMs !== undefined ? now - filter.sinceMs : -Infinity,
  };
}

/**
 * What a window shows: the known freight passing the filter, newest first, up to `cut` (where
 * the loaded pages end; null when nothing is left to load).
 */
export function shownFreight(
  known: Iterable<FreightView>,
  spec: FreightFilterSpec,
  cut: FreightSortKey | null | undefined,
): FreightView[] {
  return [...known]
    .filter((f) => passes(f, spec))
    .map((f) => ({ f, key: keyOfView(f) }))
    .filter(({ key }) => !cut || compareFreightKeys(key, cut) <= 0)
    .sort((a, b) => compareFreightKeys(a.key, b.key))
    .map(({ f }) => f);
}

function passes(f: FreightView, spec: FreightFilterSpec): boolean {
  const key = keyOfView(f);
  return freightPassesFilter(
    {
      ...f,
      origin: f.origin.name,
      inUse: f.currentlyIn.length > 0,
      appeared: appearedAt(key),
    },
    spec,
  );
}
