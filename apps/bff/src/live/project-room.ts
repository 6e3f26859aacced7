import type {
  EventView,
  ProjectDelta,
  ProjectEntities,
  ProjectEntityKind,
  ProjectSnapshot,
} from '@wharf/shared/api';
import type { ReadModels } from '../read/read-models.js';
import { toEventView } from '../views/event-view.js';
import { toFreightView } from '../views/freight-view.js';
import { toPromotionView } from '../views/promotion-view.js';
import { toStageView } from '../views/stage-view.js';
import { toWarehouseView } from '../views/warehouse-view.js';
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

  snapshot(): ProjectSnapshot {
    const r = this.models.reader(this.project);
    const project = r.projectObject();
    const ctx = r.viewContext();
    const entities: ProjectEntities = {
      stages: r.list('stages').map((s) => toStageView(s, ctx)),
      warehouses: r.list('warehouses').map(toWarehouseView),
      freight: r.list('freight').map(toFreightView),
      promotions: r.list('promotions').map((p) => toPromotionView(p, ctx.aliasOf)),
    };
    if (!project) throw new Error(`project ${this.project} vanished`);
    return {
      project: this.project,
      version: this.log.version,
      summary: this.models.summary(project),
      ...entities,
      errors: r.errors,
    };
  }

  /** Continuity lost (watch re-listed): drop pending work; clients must take a snapshot. */
  reset(): void {
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
        if (s) upserts.stages.push(toStageView(s, ctx));
        else deletes.stages.push(name);
      } else if (kind === 'warehouses') {
        const w = r.get('warehouses', name);
        if (w) upserts.warehouses.push(toWarehouseView(w));
        else deletes.warehouses.push(name);
      } else if (kind === 'freight') {
        const f = r.get('freight', name);
        if (f) upserts.freight.push(toFreightView(f));
        else deletes.freight.push(name);
      } else if (kind === 'promotions') {
        const p = r.get('promotions', name);
        if (p) upserts.promotions.push(toPromotionView(p, ctx.aliasOf));
        else deletes.promotions.push(name);
      }
    }
    // Freight does not count towards the summary; everything else may change it.
    const summaryChanged = batch.some((c) => c.kind !== 'freight');
    const project = r.projectObject();
    const summary = summaryChanged && project ? this.models.summary(project) : undefined;
    const delta = this.log.append((version, previousVersion) => ({
      project: this.project,
      version,
      previousVersion,
      upserts,
      deletes,
      ...(summary ? { summary } : {}),
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
