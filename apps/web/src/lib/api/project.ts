import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import {
  CapabilitiesSchema,
  EventPageSchema,
  FreightListItemSchema,
  FreightPageSchema,
  DiscoveredArtifactsViewSchema,
  ProjectsCapabilitiesSchema,
  PromotionListSchema,
  StageVerificationsSchema,
  stageCapability,
  type Capabilities,
  type ProjectAction,
  type StageAction,
} from '@wharf/shared/api';
import { api, seg } from '@/lib/http';
import { beforeCapabilitiesRead } from '@/lib/live/access-room';

const base = (project: string) => `projects/${seg(project)}`;

export const capabilitiesQuery = (project: string) =>
  queryOptions({
    queryKey: ['project', project, 'capabilities'],
    queryFn: async ({ signal }) => {
      await beforeCapabilitiesRead(project);
      return api(`${base(project)}/capabilities`, { signal }, (b) => CapabilitiesSchema.parse(b));
    },
    staleTime: 60_000,
    // Kept current by `access:changed` pushes (useAccessChanges). ClusterRoles and their
    // bindings are not watched by the BFF, so their changes show within this slow re-ask.
    refetchInterval: 60_000,
  });

/**
 * What the user may do in many projects at once, and to a few stages of each (the cockpit shows
 * a few stages of many projects): one request for all, `project` or `project/stage` entries.
 */
export const projectsCapabilitiesQuery = (entries: readonly string[]) => {
  const of = [...new Set(entries)].sort().slice(0, 500).join(',');
  return queryOptions({
    queryKey: ['capabilities', 'projects', of],
    queryFn: ({ signal }) =>
      api(`capabilities/projects?of=${encodeURIComponent(of)}`, { signal }, (b) =>
        ProjectsCapabilitiesSchema.parse(b),
      ),
    enabled: of.length > 0,
    staleTime: 60_000,
    refetchInterval: 15_000,
    // A changed set of shown items asks again; their buttons keep the last answer meanwhile.
    placeholderData: keepPreviousData,
  });
};

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

export type Decision = { allowed: true } | { allowed: false; reason: string };

const CHECKING: Decision = { allowed: false, reason: 'Checking your permissions…' };

/** What the user may do to a stage; while unknown, nothing is allowed. */
export function stageDecision(
  caps: Capabilities | undefined,
  stage: string,
  action: StageAction,
): Decision {
  if (!caps) return CHECKING;
  return (
    stageCapability(caps.stages, stage, action) ?? {
      allowed: false,
      reason: `No permission data for stage ${stage}.`,
    }
  );
}

export function projectDecision(caps: Capabilities | undefined, action: ProjectAction): Decision {
  return caps ? caps.projectActions[action] : CHECKING;
}
