import {
  SNAPSHOT_FREIGHT,
  type EventView,
  type ProjectDelta,
  type ProjectEntities,
  type ProjectEntityKind,
  type ProjectSnapshot,
} from '@wharf/shared/api';
import type { ReadModels } from '../read/read-models.js';
import { toEventView } from '../views/event-view.js';
import { views } from '../read/cached-views.js';
import { Coalescer, realTimers, type Timers } from './coalescer.js';
import { VersionLog } from './version-log.js';

export interface RoomOutput {
  delta(d: ProjectDelta): void;
  events(events: EventView[]): void;
}

/** Kinds with their own delta lists; `project` only refreshes the summary. */
export type RoomChangeKind = ProjectEntityKind | 'project';

function emptyEntities(): ProjectEntities {
  return { stages: [], warehouses: [], freight: [], promotions: [] };
}

/**
 * One project's live state for every socket in it. Changes are keys only; at flush time each key
 * is rendered from the cache as it is then, so a burst of updates to one object becomes one
 * upsert with its newest state, and an object gone by then becomes a delete.
 */
export class ProjectRoom {
  readonly log = new VersionLog<ProjectDelta>();
  private lastSnapshot: ProjectSnapshot | undefined;
  private readonly changes: Coalescer<string, { kind: RoomChangeKind; name: string }>;
  private readonly eventBatch: Coalescer<string, string>;

  constructor(
    readonly project: string,
    private readonly models: ReadModels,
    private readonly out: RoomOutput,
    windowMs: number,
    timers: Timers = realTimers,
  ) {
    this.changes = new Coalescer(windowMs, (b) => this.flushChanges([...b.values()]), timers);
    this.eventBatch = new Coalescer(windowMs, (b) => this.flushEvents([...b.values()]), timers);
  }

  change(kind: RoomChangeKind, name: string): void {
    this.changes.add(`${kind}/${name}`, { kind, name });
  }

  event(name: string): void {
    this.eventBatch.add(name, name);
  }

  /**
   * Everything the first screen needs at the room's current version: stages, warehouses,
   * promotions and the newest freight (older freight is asked for with `project:freight`).
   * Kept per version, so sockets joining between two changes share one.
   */
  snapshot(): ProjectSnapshot {
    if (this.lastSnapshot?.version === this.log.version) return this.lastSnapshot;
    const r = this.models.reader(this.project);
    const project = r.projectObject();
    const ctx = r.viewContext();
    const newest = this.models.freightWindow(r, {
      query: { offset: 0, limit: SNAPSHOT_FREIGHT },
    });
    const entities: ProjectEntities = {
      stages: r.list('stages').map((s) => views.stage(s, ctx)),
      warehouses: r.list('warehouses').map(views.warehouse),
      freight: newest.items,
      promotions: r.list('promotions').map((p) => views.promotion(p, ctx)),
    };
    if (!project) throw new Error(`project ${this.project} vanished`);
    this.lastSnapshot = {
      project: this.project,
      version: this.log.version,
      summary: this.models.summary(project),
      ...entities,
      errors: r.errors,
      freightWindow: { total: newest.total, nextCursor: newest.nextCursor },
    };
    return this.lastSnapshot;
  }

  /** Continuity lost (watch re-listed): drop pending work; clients must take a snapshot. */
  reset(): void {
    this.lastSnapshot = undefined;
    this.changes.clear();
    this.eventBatch.clear();
    this.log.reset();
  }

  stop(): void {
    this.changes.clear();
    this.eventBatch.clear();
  }

  private flushChanges(batch: { kind: RoomChangeKind; name: string }[]): void {
    const r = this.models.reader(this.project);
    const ctx = r.viewContext();
    const upserts = emptyEntities();
    const deletes: ProjectDelta['deletes'] = {
      stages: [],
      warehouses: [],
      freight: [],
      promotions: [],
    };
    for (const { kind, name } of batch) {
      if (kind === 'stages') {
        const s = r.get('stages', name);
        if (s) upserts.stages.push(views.stage(s, ctx));
        else deletes.stages.push(name);
      } else if (kind === 'warehouses') {
        const w = r.get('warehouses', name);
        if (w) upserts.warehouses.push(views.warehouse(w));
        else deletes.warehouses.push(name);
      } else if (kind === 'freight') {
        const f = r.get('freight', name);
        if (f) upserts.freight.push(views.freight(f));
        else deletes.freight.push(name);
      } else if (kind === 'promotions') {
        const p = r.get('promotions', name);
        if (p) upserts.promotions.push(views.promotion(p, ctx));
        else deletes.promotions.push(name);
      }
    }
    // Freight does not count towards the summary; everything else may change it.
    const summaryChanged = batch.some((c) => c.kind !== 'freight');
    const freightChanged = batch.some((c) => c.kind === 'freight');
    const project = r.projectObject();
    const summary = summaryChanged && project ? this.models.summary(project) : undefined;
    const delta = this.log.append((version, previousVersion) => ({
      project: this.project,
      version,
      previousVersion,
      upserts,
      deletes,
      ...(summary ? { summary } : {}),
      ...(freightChanged ? { freightTotal: r.freight().size } : {}),
    }));
    this.out.delta(delta);
  }

  private flushEvents(names: string[]): void {
    const r = this.models.reader(this.project);
    const views = names.flatMap((n) => {
      const e = r.get('events', n);
      return e ? [toEventView(e)] : [];
    });
    if (views.length > 0) this.out.events(views);
  }
}
