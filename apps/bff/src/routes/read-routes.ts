import { KARGO_GROUP } from '@wharf/shared';
import {
  CapabilitiesQuerySchema,
  CapabilitiesSchema,
  EventPageSchema,
  EventQuerySchema,
  FreightListItemSchema,
  FreightPageSchema,
  FreightQuerySchema,
  ProjectGraphSchema,
  ProjectListSchema,
  ProjectSummarySchema,
  PromotionListSchema,
  PromotionQuerySchema,
  ProjectsCapabilitiesQuerySchema,
  ProjectsCapabilitiesSchema,
  PromotionViewSchema,
  StageListSchema,
  StageViewSchema,
  WarehouseListSchema,
  WarehouseViewSchema,
} from '@wharf/shared/api';
import type { Caller } from '../access/caller.js';
import { requireAccess } from '../access/require.js';
import { HttpError } from '../errors/http-errors.js';
import { visibleProjects } from '../access/visible-projects.js';
import type { ReadModels } from '../read/read-models.js';
import { capabilitiesOf } from '../read/capabilities.js';
import { toFreightListItem } from '../views/freight-view.js';
import { toPromotionView } from '../views/promotion-view.js';
import { toStageView } from '../views/stage-view.js';
import { toWarehouseView } from '../views/warehouse-view.js';
import { route, type RouteSpec } from './api-route.js';
import {
  FreightParams,
  ProjectParams,
  PromotionParams,
  StageParams,
  WarehouseParams,
} from './params.js';
import { found, open } from './open-project.js';

/** `project` and `project/stage` entries as each project's stages (none: its project actions only). */
function stagesByProject(entries: readonly string[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const e of entries) {
    const [project = '', stage] = e.split('/');
    const stages = m.get(project) ?? [];
    if (stage) stages.push(stage);
    m.set(project, stages);
  }
  return m;
}

/**
 * Many projects' capabilities, each decided as its own endpoint does (the caller must be allowed
 * to list the project's stages, then Kubernetes answers per action); a project the caller may not
 * see, or that is gone, is named with the reason instead of failing the others.
 */
async function projectsCapabilities(models: ReadModels, caller: Caller, of: readonly string[]) {
  const answers = await Promise.all(
    [...stagesByProject(of)].map(async ([project, stages]) => {
      try {
        const r = await open(models, caller, project, 'stages');
        return { caps: await capabilitiesOf(caller, r, stages) };
      } catch (e) {
        if (e instanceof HttpError && (e.status === 403 || e.status === 404))
          return { denied: { project, message: e.message } };
        throw e;
      }
    }),
  );
  return {
    items: answers.flatMap((a) => a.caps ?? []),
    denied: answers.flatMap((a) => a.denied ?? []),
  };
}

export function readRoutes(models: ReadModels, now: () => number): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/projects',
      tag: 'projects',
      summary: 'Projects the caller may see, with stage/warehouse health and pending promotions',
      response: ProjectListSchema,
      handler: async ({ caller }) => {
        const all = new Map(models.projects().map((p) => [p.metadata.name, p]));
        const visible = (await visibleProjects(caller, [...all.keys()])).flatMap(
          (name) => all.get(name) ?? [],
        );
        const items = visible
          .map((p) => models.summary(p))
          .sort((a, b) => a.name.localeCompare(b.name));
        return { items, errors: [] };
      },
    }),
    route({
      method: 'get',
      path: '/projects/:project',
      tag: 'projects',
      summary: 'One project summary',
      params: ProjectParams,
      response: ProjectSummarySchema,
      handler: async ({ caller, params }) => {
        const project = found(
          models.reader(params.project).projectObject(),
          `project "${params.project}"`,
        );
        await requireAccess(caller, {
          verb: 'get',
          group: KARGO_GROUP,
          resource: 'projects',
          name: params.project,
        });
        return models.summary(project);
      },
    }),
    route({
      method: 'get',
      path: '/projects/:project/graph',
      tag: 'projects',
      summary: 'Pipeline graph: warehouses and stages with derived state, edges per origin',
      params: ProjectParams,
      response: ProjectGraphSchema,
      viewsValidated: true,
      handler: async ({ caller, params }) =>
        models.graph(await open(models, caller, params.project, 'stages')),
    }),
    route({
      method: 'get',
      path: '/projects/:project/capabilities',
      tag: 'projects',
      summary: 'What the caller may do in the project, per action and per stage, with reasons',
      params: ProjectParams,
      query: CapabilitiesQuerySchema,
      response: CapabilitiesSchema,
      handler: async ({ caller, params, query }) =>
        capabilitiesOf(caller, await open(models, caller, params.project, 'stages'), query.stages),
    }),
    route({
      method: 'get',
      path: '/capabilities/projects',
      tag: 'projects',
      summary:
        'What the caller may do in many projects at once (the cockpit), per action and per named stage, with reasons',
      query: ProjectsCapabilitiesQuerySchema,
      response: ProjectsCapabilitiesSchema,
      handler: async ({ caller, query }) => projectsCapabilities(models, caller, query.of),
    }),
    route({
      method: 'get',
      path: '/projects/:project/stages',
      tag: 'stages',
      summary: 'Stages of a project',
      params: ProjectParams,
      response: StageListSchema,
      viewsValidated: true,
      handler: async ({ caller, params }) =>
        models.stages(await open(models, caller, params.project, 'stages')),
    }),
    route({
      method: 'get',
      path: '/projects/:project/stages/:stage',
      tag: 'stages',
      summary: 'One stage',
      params: StageParams,
      response: StageViewSchema,
      handler: async ({ caller, params }) => {
        const r = await open(models, caller, params.project, 'stages');
        return toStageView(
          found(
            r.get('stages', params.stage),
            `stage "${params.stage}" in project "${params.project}"`,
          ),
          r.viewContext(),
        );
      },
    }),
    route({
      method: 'get',
      path: '/projects/:project/warehouses',
      tag: 'warehouses',
      summary: 'Warehouses of a project',
      params: ProjectParams,
      response: WarehouseListSchema,
      viewsValidated: true,
      handler: async ({ caller, params }) =>
        models.warehouses(await open(models, caller, params.project, 'warehouses')),
    }),
    route({
      method: 'get',
      path: '/projects/:project/warehouses/:warehouse',
      tag: 'warehouses',
      summary: 'One warehouse',
      params: WarehouseParams,
      response: WarehouseViewSchema,
      handler: async ({ caller, params }) => {
        const r = await open(models, caller, params.project, 'warehouses');
        return toWarehouseView(
          found(
            r.get('warehouses', params.warehouse),
            `warehouse "${params.warehouse}" in project "${params.project}"`,
          ),
        );
      },
    }),
    route({
      method: 'get',
      path: '/projects/:project/freight',
      tag: 'freight',
      summary: 'Freight, newest first, paged, with per-stage availability and the reason when not',
      params: ProjectParams,
      query: FreightQuerySchema,
      response: FreightPageSchema,
      handler: async ({ caller, params, query }) =>
        models.freight(await open(models, caller, params.project, 'freights'), query),
    }),
    route({
      method: 'get',
      path: '/projects/:project/freight/:freight',
      tag: 'freight',
      summary: 'One piece of freight, by name or alias',
      params: FreightParams,
      response: FreightListItemSchema,
      handler: async ({ caller, params }) => {
        const r = await open(models, caller, params.project, 'freights');
        const f = found(
          r.get('freight', params.freight) ?? r.freightByAlias(params.freight),
          `freight "${params.freight}" in project "${params.project}"`,
        );
        return toFreightListItem(f, r.list('stages'), now());
      },
    }),
    route({
      method: 'get',
      path: '/projects/:project/promotions',
      tag: 'promotions',
      summary: 'Promotions, newest first; `stage` filters by stage',
      params: ProjectParams,
      query: PromotionQuerySchema,
      response: PromotionListSchema,
      viewsValidated: true,
      handler: async ({ caller, params, query }) =>
        models.promotions(await open(models, caller, params.project, 'promotions'), query.stage),
    }),
    route({
      method: 'get',
      path: '/projects/:project/promotions/:promotion',
      tag: 'promotions',
      summary: 'One promotion with its steps',
      params: PromotionParams,
      response: PromotionViewSchema,
      handler: async ({ caller, params }) => {
        const r = await open(models, caller, params.project, 'promotions');
        const p = found(
          r.get('promotions', params.promotion),
          `promotion "${params.promotion}" in project "${params.project}"`,
        );
        return toPromotionView(p, r.viewContext());
      },
    }),
    route({
      method: 'get',
      path: '/projects/:project/events',
      tag: 'events',
      summary: 'Kubernetes events of the project, newest first, paged and filterable',
      params: ProjectParams,
      query: EventQuerySchema,
      response: EventPageSchema,
      handler: async ({ caller, params, query }) =>
        models.events(await open(models, caller, params.project, 'events', ''), query),
    }),
  ];
}
