import { stageNames, type Project } from '@wharf/shared';
import type {
  EventPage,
  EventQuery,
  FreightPage,
  FreightQuery,
  FreightWindow,
  ProjectGraph,
  ProjectSummary,
  PromotionList,
  PromotionWindow,
  StageList,
  WarehouseList,
} from '@wharf/shared/api';
import type { ClusterCache } from '../cache/cluster-cache.js';
import { compareEventNewestFirst, toEventView } from '../views/event-view.js';
import { availabilityOf } from '../views/freight-view.js';
import { toProjectGraph } from '../views/project-graph.js';
import { toProjectSummary } from '../views/project-summary.js';
import { comparePromotionNewestFirst } from '../views/promotion-view.js';
import { views } from './cached-views.js';
import { selectFreight } from './freight-query.js';
import { PipelineShapes } from './pipeline-shapes.js';
import { ProjectReader } from './project-reader.js';

function page<T>(items: T[], offset: number, limit: number) {
  const slice = items.slice(offset, offset + limit);
  const next = offset + limit;
  return {
    items: slice,
    total: items.length,
    offset,
    limit,
    nextOffset: next < items.length ? next : null,
  };
}

const byName = <T extends { metadata: { name: string } }>(xs: T[]) =>
  new Map(xs.map((x) => [x.metadata.name, x]));

function present<T>(objects: Map<string, T>, name: string): T {
  const o = objects.get(name);
  if (!o) throw new Error(`${name} is in the graph's shape but not in its objects`);
  return o;
}

/** Every REST read model, computed from the shared cache (never a per-request Kubernetes list). */
export class ReadModels {
  private readonly shapes = new PipelineShapes();

  constructor(
    private readonly cache: ClusterCache,
    private readonly now: () => number = Date.now,
    private readonly argoCdUrl?: string,
    /** Wharf's own actor (`kubernetes:<its username>`), once known. */
    private readonly wharfActor: () => string | undefined = () => undefined,
  ) {}

  reader(project: string): ProjectReader {
    return new ProjectReader(this.cache, project, this.argoCdUrl, this.wharfActor);
  }

  projects(): Project[] {
    return this.cache.get('projects').list();
  }

  summary(project: Project): ProjectSummary {
    const r = this.reader(project.metadata.name);
    return toProjectSummary(project, {
      stages: r.list('stages'),
      warehouses: r.list('warehouses'),
      promotions: r.list('promotions'),
    });
  }

  graph(r: ProjectReader): ProjectGraph {
    const ctx = r.viewContext();
    const stages = byName(r.list('stages'));
    const warehouses = byName(r.list('warehouses'));
    const shape = this.shapes.of(r.project, [...warehouses.values()], [...stages.values()]);
    const g = toProjectGraph(r.project, shape, {
      stage: (name) => views.stage(present(stages, name), ctx),
      warehouse: (name) => views.warehouse(present(warehouses, name)),
    });
    return { ...g, errors: r.errors };
  }

  /**
   * Builds every project's views ahead of the first visitor (the cache keeps them per object
   * version), a slice at a time so requests are served in between. Resolves when done or when
   * `stopped()` says to give up.
   */
  async warm(stopped: () => boolean): Promise<void> {
    const slice = () => new Promise((resolve) => setImmediate(resolve));
    for (const p of this.projects()) {
      const r = this.reader(p.metadata.name);
      const ctx = r.viewContext();
      const work: (() => unknown)[] = [
        ...r.list('stages').map((s) => () => views.stage(s, ctx)),
        ...r.list('warehouses').map((w) => () => views.warehouse(w)),
        ...r.list('promotions').map((x) => () => views.promotion(x, ctx)),
      ];
      for (let i = 0; i < work.length; i += 200) {
        if (stopped()) return;
        work.slice(i, i + 200).forEach((build) => build());
        await slice();
      }
    }
  }

  stages(r: ProjectReader): StageList {
    const ctx = r.viewContext();
    const items = r
      .list('stages')
      .map((s) => views.stage(s, ctx))
      .sort((a, b) => a.name.localeCompare(b.name));
    return { items, errors: r.errors };
  }

  warehouses(r: ProjectReader): WarehouseList {
    const items = r
      .list('warehouses')
      .map(views.warehouse)
      .sort((a, b) => a.name.localeCompare(b.name));
    return { items, errors: r.errors };
  }

  /** A page of freight (see selectFreight); availability only for the stage asked about. */
  freight(r: ProjectReader, q: FreightQuery): FreightPage {
    const stages = r.list('stages');
    const now = this.now();
    const sel = selectFreight(r.freight(), q, stages, now);
    const asked = stages.filter((s) => s.metadata.name === q.stage);
    const known = stageNames(stages);
    const next = q.offset + sel.items.length;
    return {
      items: sel.items.map((f) => ({
        ...views.freight(f),
        availability: availabilityOf(f, asked, now, known),
      })),
      total: sel.total,
      offset: q.offset,
      limit: q.limit,
      nextOffset: sel.nextCursor !== null && !q.cursor ? next : null,
      nextCursor: sel.nextCursor,
      errors: r.errors,
    };
  }

  /** A window of freight for the live view: a page, or some freight by name or alias. */
  freightWindow(
    r: ProjectReader,
    req: { query: FreightQuery } | { names: string[] },
  ): FreightWindow {
    if ('names' in req) {
      const pf = r.freight();
      const items = req.names.flatMap((n) => {
        const f = pf.get(n)?.freight ?? r.freightByAlias(n);
        return f ? [views.freight(f)] : [];
      });
      return { items, total: pf.size, nextCursor: null };
    }
    const sel = selectFreight(r.freight(), req.query, r.list('stages'), this.now());
    return { items: sel.items.map(views.freight), total: sel.total, nextCursor: sel.nextCursor };
  }

  promotions(r: ProjectReader, stage?: string): PromotionList {
    const ctx = r.viewContext();
    const items = r
      .list('promotions')
      .filter((p) => !stage || p.spec.stage === stage)
      .sort(comparePromotionNewestFirst)
      .map((p) => views.promotion(p, ctx));
    return { items, errors: r.errors };
  }

  /** The newest `n` promotions (what a snapshot carries), newest first. */
  newestPromotions(r: ProjectReader, n: number): PromotionWindow {
    const ctx = r.viewContext();
    const items = r
      .list('promotions')
      .sort(comparePromotionNewestFirst)
      .slice(0, n)
      .map((p) => views.promotion(p, ctx));
    return { items };
  }

  /** Promotions for the live view: a stage's, newest first, or some by name. */
  promotionWindow(r: ProjectReader, req: { stage: string } | { names: string[] }): PromotionWindow {
    if ('stage' in req) return { items: this.promotions(r, req.stage).items };
    const ctx = r.viewContext();
    const items = req.names.flatMap((n) => {
      const p = r.get('promotions', n);
      return p ? [views.promotion(p, ctx)] : [];
    });
    return { items };
  }

  events(r: ProjectReader, q: EventQuery): EventPage {
    const all = r
      .list('events')
      .map((e) => ({ e, v: toEventView(e) }))
      .filter(({ v }) => !q.reason || v.reason === q.reason)
      .filter(({ v }) => !q.stage || v.stage === q.stage)
      .filter(({ v }) => !q.freight || v.freight === q.freight)
      .filter(({ v }) => !q.promotion || v.promotion === q.promotion)
      .sort((a, b) => compareEventNewestFirst(a.e, b.e))
      .map(({ v }) => v);
    return { ...page(all, q.offset, q.limit), errors: r.errors };
  }
}
