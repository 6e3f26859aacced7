import { EventEmitter } from 'node:events';
import {
  approvalRequests,
  attentionOf,
  KARGO_EVENT_REASONS,
  type AttentionItem,
  type Freight,
} from '@wharf/shared';
import type { ActivityDelta, AttentionDelta, EventView, PartialError } from '@wharf/shared/api';
import type { CacheChange, ClusterCache } from '../cache/cluster-cache.js';
import { Coalescer, realTimers, type Timers } from '../live/coalescer.js';
import { compareEventNewestFirst, toEventView } from '../views/event-view.js';

export interface AttentionIndexOptions {
  /** A running promotion older than this is listed as slow. */
  slowPromotionMs: number;
  /** Recent Kargo events kept per project for the activity feed. */
  activityPerProject?: number;
  windowMs?: number;
  now?: () => number;
  timers?: Timers;
}

const KARGO_REASONS: ReadonlySet<string> = new Set(KARGO_EVENT_REASONS);
/** Kinds whose objects the rules read. */
const RULE_KINDS = new Set(['stages', 'warehouses', 'promotions']);

/**
 * What needs attention in every project, and each project's recent Kargo events, kept from the
 * shared cache's changes. A change marks its project; once per window each marked project is
 * computed again with the shared rules (`attentionOf`), from that project's objects alone, and
 * an `items` event goes out only when the answer differs. Nothing asks Kubernetes.
 * Events: `items` (AttentionDelta), `activity` (ActivityDelta), `projects` (the set changed).
 */
export class AttentionIndex extends EventEmitter {
  private readonly items = new Map<string, { items: AttentionItem[]; json: string }>();
  private readonly activity = new Map<string, EventView[]>();
  /** Per project, the freight carrying approval requests (the only freight the rules read). */
  private readonly requested = new Map<string, Set<string>>();
  private readonly recheckAt = new Map<string, number>();
  private readonly dirtyItems: Coalescer<string, string>;
  private readonly dirtyActivity: Coalescer<string, string>;
  private recheckTimer: unknown;
  private readonly knownProjects = new Set<string>();
  private readonly now: () => number;
  private readonly timers: Timers;
  private readonly onChange = (c: CacheChange) => this.route(c);
  private readonly onRecovered = () => this.markAll();

  constructor(
    private readonly cache: ClusterCache,
    private readonly opts: AttentionIndexOptions,
  ) {
    super();
    this.setMaxListeners(0);
    this.now = opts.now ?? Date.now;
    this.timers = opts.timers ?? realTimers;
    const window = opts.windowMs ?? 50;
    this.dirtyItems = new Coalescer(window, (b) => this.flushItems([...b.keys()]), this.timers);
    this.dirtyActivity = new Coalescer(
      window,
      (b) => this.flushActivity([...b.keys()]),
      this.timers,
    );
    for (const f of cache.get('freight').list()) this.trackRequests(f);
    for (const p of cache.get('projects').list()) this.knownProjects.add(p.metadata.name);
    cache.on('change', this.onChange);
    cache.on('recovered', this.onRecovered);
  }

  stop(): void {
    this.cache.off('change', this.onChange);
    this.cache.off('recovered', this.onRecovered);
    this.dirtyItems.clear();
    this.dirtyActivity.clear();
    if (this.recheckTimer !== undefined) this.timers.clear(this.recheckTimer);
  }

  get slowPromotionMs(): number {
    return this.opts.slowPromotionMs;
  }

  /** Kinds the rules read whose watch is not live now: what the cockpit shows may be partial. */
  staleKinds(): PartialError[] {
    return (['stages', 'warehouses', 'promotions', 'freight', 'events'] as const).flatMap(
      (kind) => {
        const inf = this.cache.get(kind);
        if (inf.state === 'synced') return [];
        const message =
          inf.state === 'starting'
            ? `${kind} are still loading from Kubernetes.`
            : `${kind} may be stale: ${inf.lastError ?? inf.state}.`;
        return [{ kind, message }];
      },
    );
  }

  /** Every project, sorted. */
  projects(): string[] {
    return this.cache
      .get('projects')
      .list()
      .map((p) => p.metadata.name)
      .sort();
  }

  /** A project's items now (pending changes applied first, so a snapshot is never behind). */
  itemsOf(project: string): AttentionItem[] {
    if (this.dirtyItems.size > 0) this.dirtyItems.flushNow();
    return (this.items.get(project) ?? this.compute(project)).items;
  }

  /** A project's newest Kargo events, newest first. */
  activityOf(project: string): EventView[] {
    if (this.dirtyActivity.size > 0) this.dirtyActivity.flushNow();
    let list = this.activity.get(project);
    if (!list) this.activity.set(project, (list = this.recentEvents(project)));
    return list;
  }

  private route({ kind, change }: CacheChange): void {
    const meta = change.obj.metadata;
    if (kind === 'projects') {
      this.dirtyItems.add(meta.name, meta.name);
      const known = this.knownProjects.has(meta.name);
      if (change.type === 'delete') this.knownProjects.delete(meta.name);
      else this.knownProjects.add(meta.name);
      // Only a project that appears or goes changes who sees what.
      if (known === (change.type === 'delete')) this.emit('projects');
      return;
    }
    const project = meta.namespace;
    if (!project) return;
    if (kind === 'events') this.dirtyActivity.add(project, project);
    else if (RULE_KINDS.has(kind)) this.dirtyItems.add(project, project);
    else if (kind === 'freight') {
      const f = change.obj as Freight;
      const tracked = this.trackRequests(f, change.type === 'delete');
      if (tracked || this.mentions(project, meta.name)) this.dirtyItems.add(project, project);
    }
  }

  /** Keeps the set of requested freight; true when the freight has or had requests. */
  private trackRequests(f: Freight, deleted = false): boolean {
    const ns = f.metadata.namespace ?? '';
    const name = f.metadata.name;
    let set = this.requested.get(ns);
    const had = set?.has(name) ?? false;
    const has = !deleted && approvalRequests(f).length > 0;
    if (has) {
      if (!set) this.requested.set(ns, (set = new Set()));
      set.add(name);
    } else set?.delete(name);
    return had || has;
  }

  /** Whether an item of the project shows this freight (its alias may have changed). */
  private mentions(project: string, freight: string): boolean {
    return this.items.get(project)?.items.some((i) => i.freight === freight) ?? false;
  }

  private markAll(): void {
    for (const p of new Set([...this.items.keys(), ...this.projects()])) this.dirtyItems.add(p, p);
    for (const p of this.activity.keys()) this.dirtyActivity.add(p, p);
  }

  private compute(project: string): { items: AttentionItem[]; json: string } {
    const exists = this.cache.get('projects').get(undefined, project) !== undefined;
    if (!exists) {
      this.recheckAt.delete(project);
      return { items: [], json: '[]' };
    }
    const freight = this.cache.get('freight');
    const requested = [...(this.requested.get(project) ?? [])].flatMap(
      (n) => freight.get(project, n) ?? [],
    );
    const result = attentionOf({
      project,
      stages: this.cache.get('stages').list(project),
      warehouses: this.cache.get('warehouses').list(project),
      promotions: this.cache.get('promotions').list(project),
      freight: requested,
      aliasOf: (name) => freight.get(project, name)?.alias,
      now: this.now(),
      slowPromotionMs: this.opts.slowPromotionMs,
    });
    if (result.recheckAt === undefined) this.recheckAt.delete(project);
    else this.recheckAt.set(project, result.recheckAt);
    const entry = { items: result.items, json: JSON.stringify(result.items) };
    this.items.set(project, entry);
    return entry;
  }

  private flushItems(projects: string[]): void {
    for (const project of projects) {
      const before = this.items.get(project)?.json;
      const after = this.compute(project);
      if (!this.cache.get('projects').get(undefined, project)) this.items.delete(project);
      if (before === after.json) continue;
      this.emit('items', { project, items: after.items } satisfies AttentionDelta);
    }
    this.scheduleRecheck();
  }

  /** One timer for the earliest moment a project's answer changes by the clock alone. */
  private scheduleRecheck(): void {
    if (this.recheckTimer !== undefined) this.timers.clear(this.recheckTimer);
    this.recheckTimer = undefined;
    if (this.recheckAt.size === 0) return;
    const next = Math.min(...this.recheckAt.values());
    this.recheckTimer = this.timers.set(
      () => {
        this.recheckTimer = undefined;
        const now = this.now();
        for (const [p, at] of this.recheckAt) if (at <= now) this.dirtyItems.add(p, p);
        this.scheduleRecheck();
      },
      Math.max(0, next - this.now()) + 10,
    );
  }

  private recentEvents(project: string): EventView[] {
    return this.cache
      .get('events')
      .list(project)
      .filter((e) => KARGO_REASONS.has(e.reason ?? ''))
      .sort(compareEventNewestFirst)
      .slice(0, this.opts.activityPerProject ?? 50)
      .map(toEventView);
  }

  private flushActivity(projects: string[]): void {
    for (const project of projects) {
      const before = new Map((this.activity.get(project) ?? []).map((e) => [e.uid, e]));
      const after = this.recentEvents(project);
      this.activity.set(project, after);
      const changed = after.filter((e) => {
        const old = before.get(e.uid);
        return !old || old.count !== e.count || old.time !== e.time;
      });
      if (changed.length > 0)
        this.emit('activity', { project, events: changed } satisfies ActivityDelta);
    }
  }
}
