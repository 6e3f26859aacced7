import type { Project } from '@wharf/shared';
import { compareFreightNewestFirst } from '@wharf/shared';
import type {
  EventPage,
  EventQuery,
  FreightPage,
  FreightQuery,
  ProjectGraph,
  ProjectSummary,
  PromotionList,
  StageList,
  WarehouseList,
} from '@wharf/shared/api';
import type { ClusterCache } from '../cache/cluster-cache.js';
import { compareEventNewestFirst, toEventView } from '../views/event-view.js';
import { toFreightListItem } from '../views/freight-view.js';
import { toProjectGraph } from '../views/project-graph.js';
import { toProjectSummary } from '../views/project-summary.js';
import { comparePromotionNewestFirst, toPromotionView } from '../views/promotion-view.js';
import { toStageView } from '../views/stage-view.js';
import { toWarehouseView } from '../views/warehouse-view.js';
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

/** Every REST read model, computed from the shared cache (never a per-request Kubernetes list). */
export class ReadModels {
  constructor(
    private readonly cache: ClusterCache,
    private readonly now: () => number = Date.now,
    private readonly argoCdUrl?: string,
  ) {}

  reader(project: string): ProjectReader {
    return new ProjectReader(this.cache, project, this.argoCdUrl);
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
    const g = toProjectGraph(r.project, r.list('warehouses'), r.list('stages'), r.viewContext());
    return { ...g, errors: r.errors };
  }

  stages(r: ProjectReader): StageList {
    const ctx = r.viewContext();
    const items = r
      .list('stages')
      .map((s) => toStageView(s, ctx))
      .sort((a, b) => a.name.localeCompare(b.name));
    return { items, errors: r.errors };
  }

  warehouses(r: ProjectReader): WarehouseList {
    const items = r
      .list('warehouses')
      .map(toWarehouseView)
      .sort((a, b) => a.name.localeCompare(b.name));
    return { items, errors: r.errors };
  }

  freight(r: ProjectReader, q: FreightQuery): FreightPage {
    const stages = r.list('stages');
    const wanted = q.stage ? stages.find((s) => s.metadata.name === q.stage) : undefined;
    const all = r
      .list('freight')
      .filter((f) => !q.origin || f.origin.name === q.origin)
      .filter(
        (f) =>
          !q.stage ||
          (wanted?.spec.requestedFreight.some((rf) => rf.origin.name === f.origin.name) ?? false),
      )
      .sort(compareFreightNewestFirst);
    const now = this.now();
    const p = page(all, q.offset, q.limit);
    return { ...p, items: p.items.map((f) => toFreightListItem(f, stages, now)), errors: r.errors };
  }

  promotions(r: ProjectReader, stage?: string): PromotionList {
    const ctx = r.viewContext();
    const items = r
      .list('promotions')
      .filter((p) => !stage || p.spec.stage === stage)
      .sort(comparePromotionNewestFirst)
      .map((p) => toPromotionView(p, ctx.aliasOf));
    return { items, errors: r.errors };
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
