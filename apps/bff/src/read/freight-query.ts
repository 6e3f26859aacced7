import {
  appearedAt,
  compareFreightKeys,
  decodeFreightCursor,
  encodeFreightCursor,
  freightAvailability,
  freightPassesFilter,
  searchTerms,
  stageNames,
  type FilterableFreight,
  type Freight,
  type FreightFilterSpec,
  type KnownStages,
  type Stage,
} from '@wharf/shared';
import type { FreightQuery } from '@wharf/shared/api';
import { InputError } from '../errors/http-errors.js';
import type { IndexedFreight, ProjectFreight } from './freight-index.js';

export interface FreightSelection {
  items: Freight[];
  /** How many freight match the filters (all pages). */
  total: number;
  /** Resumes after the last item; null when there is nothing after it. */
  nextCursor: string | null;
}

interface Filters extends FreightFilterSpec {
  /** When set, only these names can match (a stage's availability candidates). */
  among?: ReadonlySet<string>;
  accept?: (f: Freight) => boolean;
}

/**
 * Freight a stage may take now beyond its defaults: approved for it, or verified in one of its
 * upstream stages. Every other freight of a requested origin gets the stage's default answer
 * (available only when taken directly), so the shared rule needs asking for these alone.
 */
function availabilityCandidates(pf: ProjectFreight, stage: Stage): Set<string> {
  const out = new Set(pf.stageSet('approvedFor', stage.metadata.name));
  for (const r of stage.spec.requestedFreight)
    for (const up of r.sources.stages ?? [])
      for (const n of pf.stageSet('verifiedIn', up)) out.add(n);
  return out;
}

function filtersOf(
  pf: ProjectFreight,
  q: FreightQuery,
  stages: readonly Stage[],
  known: KnownStages,
  now: number,
): Filters {
  const stage = q.stage ? stages.find((s) => s.metadata.name === q.stage) : undefined;
  if (q.stage && !stage) throw new InputError(`There is no stage "${q.stage}" in this project.`);
  if (q.availableOnly && !stage) throw new InputError('availableOnly needs a stage.');
  let origins: Set<string> | undefined;
  if (q.origin) origins = new Set([q.origin]);
  if (stage) {
    const requested = stage.spec.requestedFreight.map((r) => r.origin.name);
    origins = new Set(requested.filter((o) => !origins || origins.has(o)));
  }
  const after = q.since ? Date.parse(q.since) : -Infinity;
  if (Number.isNaN(after)) throw new InputError('since must be an RFC 3339 time.');
  const filters: Filters = {
    ...(origins ? { origins } : {}),
    terms: searchTerms(q.q),
    inUse: q.inUse ?? false,
    appearedAfter: after,
  };
  if (q.availableOnly && stage) {
    const direct = stage.spec.requestedFreight.some((r) => r.sources.direct);
    // Taken directly, every freight of that origin is a candidate; otherwise only the few.
    if (!direct) filters.among = availabilityCandidates(pf, stage);
    filters.accept = (f) => freightAvailability(f, stage, now, known).available;
  }
  return filters;
}

function matches(e: IndexedFreight, f: Filters): boolean {
  const fr = e.freight;
  if (f.among && !f.among.has(fr.metadata.name)) return false;
  // The cheap test first: a stage's picker keeps one origin of several, out of 15,000 freight.
  if (f.origins && !f.origins.has(fr.origin.name)) return false;
  const filterable: FilterableFreight = {
    name: fr.metadata.name,
    alias: fr.alias,
    commits: fr.commits ?? [],
    images: fr.images ?? [],
    charts: fr.charts ?? [],
    origin: fr.origin.name,
    inUse: Object.keys(fr.status?.currentlyIn ?? {}).length > 0,
    appeared: appearedAt(e.key),
  };
  return freightPassesFilter(filterable, f) && (!f.accept || f.accept(fr));
}

/** The entries to look at, newest first: the candidates alone when there are few. */
function candidates(pf: ProjectFreight, f: Filters): readonly IndexedFreight[] {
  if (!f.among) return pf.ordered();
  return [...f.among]
    .flatMap((n) => pf.get(n) ?? [])
    .sort((a, b) => compareFreightKeys(a.key, b.key));
}

const isUnfiltered = (f: Filters) =>
  !f.origins &&
  !f.among &&
  !f.accept &&
  !f.inUse &&
  f.terms.length === 0 &&
  f.appearedAfter === -Infinity;

/**
 * A page of a project's freight, newest first, filtered as the query asks: by origin, by the
 * origins a stage requests, by text, to freight in use, discovered after a time, or to freight
 * a stage may take now. `cursor` resumes strictly after a previous page's last freight (freight
 * arriving meanwhile is newer, so pages never shift); `offset` skips from there. Unfiltered, a
 * page costs its own size; filtered, one pass over the project's freight (for the total), never
 * freight × stages.
 */
export function selectFreight(
  pf: ProjectFreight,
  q: FreightQuery,
  stages: readonly Stage[],
  now: number,
): FreightSelection {
  const filters = filtersOf(pf, q, stages, stageNames(stages), now);
  const after = q.cursor ? decodeFreightCursor(q.cursor) : undefined;
  if (q.cursor && !after) throw new InputError('cursor is not one this server issued.');
  const resumesAt = (order: readonly IndexedFreight[]) =>
    after ? order.findIndex((e) => compareFreightKeys(e.key, after) > 0) : 0;
  if (isUnfiltered(filters)) {
    const order = pf.ordered();
    const start = (after ? pf.positionAfter(after) : 0) + q.offset;
    const page = order.slice(start, start + q.limit);
    const more = start + q.limit < order.length;
    const last = page.at(-1);
    return {
      items: page.map((e) => e.freight),
      total: pf.size,
      nextCursor: more && last ? encodeFreightCursor(last.key) : null,
    };
  }
  const order = candidates(pf, filters);
  let from = resumesAt(order);
  if (from < 0) from = order.length;
  const items: Freight[] = [];
  let last: IndexedFreight | undefined;
  let more = false;
  let total = 0;
  let skip = q.offset;
  for (let i = 0; i < order.length; i++) {
    const e = order[i] as IndexedFreight;
    if (!matches(e, filters)) continue;
    total += 1;
    if (i < from) continue;
    if (skip > 0) skip -= 1;
    else if (items.length < q.limit) {
      items.push(e.freight);
      last = e;
    } else more = true;
  }
  return { items, total, nextCursor: more && last ? encodeFreightCursor(last.key) : null };
}
