import { queryOptions } from '@tanstack/react-query';
import {
  EventPageSchema,
  FreightListItemSchema,
  FreightPageSchema,
  DiscoveredArtifactsViewSchema,
  PromotionListSchema,
  StageVerificationsSchema,
  StageViewSchema,
} from '@wharf/shared/api';
import { api, seg } from '@/lib/http';

const base = (project: string) => `projects/${seg(project)}`;

/** One piece of freight by name or alias (compare asks for freight the page may not hold). */
export const freightQuery = (project: string, nameOrAlias: string) =>
  queryOptions({
    queryKey: ['project', project, 'freight', 'one', nameOrAlias],
    queryFn: ({ signal }) =>
      api(`${base(project)}/freight/${seg(nameOrAlias)}`, { signal }, (b) =>
        FreightListItemSchema.parse(b),
      ),
    staleTime: 30_000,
  });

/** The newest freight of a project, to pick from (`q` narrows it where the BFF searches). */
export const recentFreightQuery = (project: string, q: string, limit = 100) =>
  queryOptions({
    queryKey: ['project', project, 'freight', 'recent', q, limit],
    queryFn: ({ signal }) =>
      api(
        `${base(project)}/freight?limit=${limit}${q ? `&q=${encodeURIComponent(q)}` : ''}`,
        { signal },
        (b) => FreightPageSchema.parse(b),
      ),
    staleTime: 10_000,
  });

/**
 * One page of freight, newest first, narrowed to one warehouse's (compare proposes the one before
 * a given freight) or to what a stage requests (each with whether the stage may take it and why
 * not; the promote picker, asked again sooner since promotions change it).
 */
export const freightPageQuery = (
  project: string,
  filter: { origin: string } | { stage: string },
  limit = 100,
) => {
  const by = 'stage' in filter ? 'stage' : 'origin';
  const name = 'stage' in filter ? filter.stage : filter.origin;
  return queryOptions({
    queryKey: ['project', project, 'freight', { [by]: name, limit }],
    queryFn: ({ signal }) =>
      api(`${base(project)}/freight?${by}=${seg(name)}&limit=${limit}`, { signal }, (b) =>
        FreightPageSchema.parse(b),
      ),
    staleTime: by === 'stage' ? 5_000 : 10_000,
  });
};

/**
 * One stage's whole view (the project room's leaves out its conditions); re-asked whenever the
 * stage changes, so what the drawer shows of it stays live.
 */
export const stageQuery = (project: string, stage: string, stageVersion: string) =>
  queryOptions({
    queryKey: ['project', project, 'stage', stage, 'view', stageVersion],
    queryFn: ({ signal }) =>
      api(`${base(project)}/stages/${seg(stage)}`, { signal }, (b) => StageViewSchema.parse(b)),
    // While a newer version loads, keep showing this stage's last answer.
    placeholderData: (previous) => (previous?.name === stage ? previous : undefined),
  });

/** A stage's verifications with AnalysisRun metrics; re-asked whenever the stage changes. */
export const stageVerificationsQuery = (project: string, stage: string, stageVersion: string) =>
  queryOptions({
    queryKey: ['project', project, 'stage', stage, 'verifications', stageVersion],
    queryFn: ({ signal }) =>
      api(`${base(project)}/stages/${seg(stage)}/verifications`, { signal }, (b) =>
        StageVerificationsSchema.parse(b),
      ),
    // While a newer version loads, keep showing this stage's last answer.
    placeholderData: (previous) => (previous?.stage === stage ? previous : undefined),
  });

/** What a warehouse's last discovery found; re-asked whenever the warehouse changes. */
export const discoveredArtifactsQuery = (
  project: string,
  warehouse: string,
  warehouseVersion: string,
) =>
  queryOptions({
    queryKey: ['project', project, 'warehouse', warehouse, 'discovered', warehouseVersion],
    queryFn: ({ signal }) =>
      api(`${base(project)}/warehouses/${seg(warehouse)}/discovered-artifacts`, { signal }, (b) =>
        DiscoveredArtifactsViewSchema.parse(b),
      ),
    placeholderData: (previous) => (previous?.warehouse === warehouse ? previous : undefined),
  });

export const promotionsQuery = (project: string, stage?: string) =>
  queryOptions({
    queryKey: ['project', project, 'promotions', { stage }],
    queryFn: ({ signal }) =>
      api(`${base(project)}/promotions${stage ? `?stage=${seg(stage)}` : ''}`, { signal }, (b) =>
        PromotionListSchema.parse(b),
      ),
  });

export interface EventFilter {
  reason?: string;
  stage?: string;
  kind?: string;
}

export const eventsQuery = (project: string, filter: EventFilter, offset: number, limit = 50) =>
  queryOptions({
    queryKey: ['project', project, 'events', filter, offset, limit],
    queryFn: ({ signal }) => {
      const q = new URLSearchParams({ offset: String(offset), limit: String(limit) });
      if (filter.reason) q.set('reason', filter.reason);
      if (filter.stage) q.set('stage', filter.stage);
      return api(`${base(project)}/events?${q}`, { signal }, (b) => EventPageSchema.parse(b));
    },
  });

/** Raw object as Kubernetes stores it, through the BFF's proxy (as the signed-in user). */
export const liveManifestQuery = (path: string) =>
  queryOptions({
    queryKey: ['k8s', path],
    queryFn: ({ signal }) => api(`k8s/${path}`, { signal }, (b) => b),
    meta: { quiet: true },
    staleTime: 0,
  });
