import type { AttentionItem } from '@wharf/shared';
import type { Caller } from '../access/caller.js';
import { visibleProjects } from '../access/visible-projects.js';
import {
  kindCheck,
  ROOM_KINDS,
  roomViewOf,
  type RoomKind,
  type RoomView,
} from '../live/room-view.js';

/**
 * What one caller may see of the cockpit: either everything (it may list every kind
 * cluster-wide, so every project, present and future), or a view per visible project, exactly
 * as joining that project's room would give it.
 */
export type AttentionVisibility =
  | { everywhere: true; key: string }
  | { everywhere: false; views: ReadonlyMap<string, RoomView>; key: string };

/** The list a kind's room check asks for, without a namespace: allowed means in every one. */
function everywhereCheck(kind: RoomKind) {
  const { namespace: _ns, name: _name, ...rest } = kindCheck(kind, '');
  return kind === 'summary' ? { ...rest, verb: 'list' } : rest;
}

/**
 * Asks Kubernetes once per kind whether the caller may read it cluster-wide (an admin, a
 * cluster-wide viewer); otherwise which projects it may see (the project list's rule) and, per
 * project, which kinds (the project room's rule). No decision is kept beyond the caller's own.
 */
export async function attentionVisibility(
  caller: Caller,
  projects: readonly string[],
): Promise<AttentionVisibility> {
  const everywhere = await Promise.all(
    ROOM_KINDS.map(async (k) => (await caller.authorize(everywhereCheck(k))).allowed),
  );
  if (everywhere.every(Boolean)) return { everywhere: true, key: '*' };
  const names = await visibleProjects(caller, projects);
  const views = new Map<string, RoomView>();
  await Promise.all(
    names.map(async (p) => {
      // A project whose stages the caller may not list is not visible here, as its room refuses it.
      const view = await roomViewOf(caller, p).catch(() => undefined);
      if (view) views.set(p, view);
    }),
  );
  const key = [...views.values()]
    .map((v) => `${v.project}=${v.key}`)
    .sort()
    .join(';');
  return { everywhere: false, views, key };
}

/** The kind of object each attention item is read from: seeing it needs listing that kind. */
const SOURCE: Record<AttentionItem['kind'], RoomKind> = {
  'promotion-failed': 'stages',
  'verification-failed': 'stages',
  'stage-unhealthy': 'stages',
  'auto-promotion-held': 'stages',
  'warehouse-failing': 'warehouses',
  'promotion-slow': 'promotions',
  'approval-requested': 'freight',
};

export function mayRead(v: AttentionVisibility, project: string, kind: RoomKind): boolean {
  if (v.everywhere) return true;
  return v.views.get(project)?.kinds.has(kind) ?? false;
}

/** The items of a project the caller may see. */
export function visibleItems(
  v: AttentionVisibility,
  project: string,
  items: readonly AttentionItem[],
): AttentionItem[] {
  if (v.everywhere) return [...items];
  const view = v.views.get(project);
  return view ? itemsInView(view, items) : [];
}

/** The items a project view may see: each needs listing the kind it is read from. */
export function itemsInView(view: RoomView, items: readonly AttentionItem[]): AttentionItem[] {
  return items.filter((i) => view.kinds.has(SOURCE[i.kind]));
}

export function visibleProjectNames(v: AttentionVisibility, all: readonly string[]): string[] {
  return v.everywhere ? [...all] : all.filter((p) => v.views.has(p));
}
