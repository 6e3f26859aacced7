import { constants, gzipSync } from 'node:zlib';
import {
  SNAPSHOT_FREIGHT,
  SNAPSHOT_PROMOTIONS,
  type EventView,
  type ProjectDelta,
  type ProjectEntities,
  type ProjectEntityKind,
  type ProjectSnapshot,
} from '@wharf/shared/api';
import type { ReadModels } from '../read/read-models.js';
import { toEventView } from '../views/event-view.js';
import { views } from '../read/cached-views.js';
import { keepAssembledJson, toJson } from '../read/view-json.js';
import { Coalescer, realTimers, type Timers } from './coalescer.js';
import { snapshotFor, type RoomView } from './room-view.js';
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

/** Which kept snapshot a view shares: the same kinds, withheld for the same reasons. */
const seenKey = (view: RoomView): string =>
  `${view.key}\n${view.withheld.map((w) => `${w.kind}:${w.message}`).join('\n')}`;

/**
 * One project's live state for every socket in it. Changes are keys only; at flush time each key
 * is rendered from the cache as it is then, so a burst of updates to one object becomes one
 * upsert with its newest state, and an object gone by then becomes a delete.
 */
export class ProjectRoom {
  readonly log = new VersionLog<ProjectDelta>();
  private lastSnapshot: ProjectSnapshot | undefined;
  /** lastSnapshot as each view sees it, its JSON text kept (see snapshotAs). */
  private seenSnapshots = new Map<string, ProjectSnapshot>();
  /** The same, gzip-compressed in base64 (see packedSnapshotAs). */
  private packedSnapshots = new Map<string, string>();
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
   * Everything the first screen needs at the room's current version: stages, warehouses, the
   * newest promotions and the newest freight (older ones are asked for with `project:promotions`
   * and `project:freight`). Kept per version, so sockets joining between two changes share one.
   */
  snapshot(): ProjectSnapshot {
    if (this.lastSnapshot?.version === this.log.version) return this.lastSnapshot;
    this.seenSnapshots = new Map();
    this.packedSnapshots = new Map();
    const r = this.models.reader(this.project);
    const project = r.projectObject();
    const ctx = r.viewContext();
    const newest = this.models.freightWindow(r, {
      query: { offset: 0, limit: SNAPSHOT_FREIGHT },
    });
    const entities: ProjectEntities = {
      stages: r.list('stages').map((s) => views.roomStage(s, ctx)),
      warehouses: r.list('warehouses').map(views.warehouse),
      freight: newest.items,
      promotions: this.models.newestPromotions(r, SNAPSHOT_PROMOTIONS).items,
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

  /**
   * The snapshot as `view` may see it (snapshotFor), kept per version with its JSON text written
   * once: sockets joining between two changes share one text, instead of each walking 3,000
   * stages' views to write it again.
   */
  snapshotAs(view: RoomView): ProjectSnapshot {
    const snapshot = this.snapshot();
    const key = seenKey(view);
    let seen = this.seenSnapshots.get(key);
    if (!seen) {
      seen = keepAssembledJson(snapshotFor(snapshot, view));
      this.seenSnapshots.set(key, seen);
    }
    return seen;
  }

  /**
   * snapshotAs's JSON text gzip-compressed, in base64 (a join's `packed` answer), kept per version
   * like it. Fastest compression: it runs in the join, on the event loop, once per version.
   */
  packedSnapshotAs(view: RoomView): string {
    // First: a new version drops the packed texts of the last one.
    const seen = this.snapshotAs(view);
    const key = seenKey(view);
    let packed = this.packedSnapshots.get(key);
    if (packed === undefined) {
      packed = gzipSync(toJson(seen), { level: constants.Z_BEST_SPEED }).toString('base64');
      this.packedSnapshots.set(key, packed);
    }
    return packed;
  }

  /** Continuity lost (watch re-listed): drop pending work; clients must take a snapshot. */
  reset(): void {
    this.lastSnapshot = undefined;
    this.seenSnapshots = new Map();
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
        if (s) upserts.stages.push(views.roomStage(s, ctx));
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
