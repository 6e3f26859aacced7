import { KARGO_GROUP } from '@wharf/shared';
import type {
  PartialError,
  ProjectDelta,
  ProjectEntityKind,
  ProjectSnapshot,
} from '@wharf/shared/api';
import type { AccessCheck, Caller } from '../access/caller.js';
import { ForbiddenError } from '../errors/http-errors.js';

/** What a project room sends: its entity lists, its events, and the project summary. */
export type RoomKind = ProjectEntityKind | 'events' | 'summary';

/**
 * The permission the REST route for each kind checks; a socket gets a kind only when the same
 * check passes for it (a socket that may list stages only gets stages).
 */
export function kindCheck(kind: RoomKind, project: string): AccessCheck {
  const list = (resource: string, group = KARGO_GROUP) => ({
    verb: 'list',
    group,
    resource,
    namespace: project,
  });
  switch (kind) {
    case 'stages':
      return list('stages');
    case 'warehouses':
      return list('warehouses');
    case 'freight':
      return list('freights');
    case 'promotions':
      return list('promotions');
    case 'events':
      return list('events', '');
    case 'summary':
      return { verb: 'get', group: KARGO_GROUP, resource: 'projects', name: project };
  }
}

export const ROOM_KINDS: RoomKind[] = [
  'stages',
  'warehouses',
  'freight',
  'promotions',
  'events',
  'summary',
];
const ENTITY_KINDS: ProjectEntityKind[] = ['stages', 'warehouses', 'freight', 'promotions'];

/** What one socket may see of a project room: the kinds allowed, and why the others are not. */
export interface RoomView {
  project: string;
  kinds: ReadonlySet<RoomKind>;
  /** Why each entity list the page shows is withheld (for the snapshot's `errors`). */
  withheld: PartialError[];
  /** Stable name of this combination: sockets that share it get the same messages. */
  key: string;
}

/**
 * Asks Kubernetes, per kind, what `caller` may read in `project`. Joining needs what the pipeline
 * view needs (list stages, as the graph route); every other kind is sent only when allowed.
 */
export async function roomViewOf(caller: Caller, project: string): Promise<RoomView> {
  const decisions = await Promise.all(
    ROOM_KINDS.map(async (kind) => ({ kind, d: await caller.authorize(kindCheck(kind, project)) })),
  );
  const stages = decisions.find((x) => x.kind === 'stages')?.d;
  if (stages && !stages.allowed) throw new ForbiddenError(stages.reason);
  const kinds = new Set(decisions.filter((x) => x.d.allowed).map((x) => x.kind));
  // The page shows the entity lists; a missing summary or event feed is not worth a warning.
  const withheld = decisions.flatMap(({ kind, d }) =>
    d.allowed || !isEntityKind(kind) ? [] : [{ kind, message: d.reason }],
  );
  return { project, kinds, withheld, key: [...kinds].join(',') };
}

const isEntityKind = (k: RoomKind): k is ProjectEntityKind =>
  (ENTITY_KINDS as RoomKind[]).includes(k);

export const sameKinds = (a: ReadonlySet<RoomKind>, b: ReadonlySet<RoomKind>) =>
  a.size === b.size && [...a].every((k) => b.has(k));

/** The snapshot as `view` may see it: withheld lists are empty and named in `errors`. */
export function snapshotFor(s: ProjectSnapshot, view: RoomView): ProjectSnapshot {
  const out: ProjectSnapshot = { ...s, errors: [...s.errors, ...view.withheld] };
  for (const kind of ENTITY_KINDS) if (!view.kinds.has(kind)) out[kind] = [];
  if (!view.kinds.has('freight')) out.freightWindow = { total: 0, nextCursor: null };
  if (!view.kinds.has('summary')) delete out.summary;
  return out;
}

/** The delta as `view` may see it. Sent even when emptied, so its version keeps the chain. */
export function deltaFor(d: ProjectDelta, view: RoomView): ProjectDelta {
  const out: ProjectDelta = {
    ...d,
    upserts: { ...d.upserts },
    deletes: { ...d.deletes },
  };
  for (const kind of ENTITY_KINDS) {
    if (view.kinds.has(kind)) continue;
    out.upserts[kind] = [];
    out.deletes[kind] = [];
  }
  if (!view.kinds.has('summary')) delete out.summary;
  if (!view.kinds.has('freight')) delete out.freightTotal;
  return out;
}
