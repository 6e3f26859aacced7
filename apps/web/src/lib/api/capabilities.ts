import { keepPreviousData, queryOptions, type QueryKey } from '@tanstack/react-query';
import {
  CapabilitiesSchema,
  ProjectsCapabilitiesSchema,
  stageCapability,
  type Capabilities,
  type ProjectAction,
  type StageAction,
} from '@wharf/shared/api';
import { api, seg } from '@/lib/http';
import { beforeCapabilitiesRead } from '@/lib/live/access-room';

// Apart from ./project so a screen that only asks what the user may do (Needs attention) does
// not load, nor build the schemas of, the project screen's queries before its first paint.

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

const BATCHED = ['capabilities', 'projects'] as const;

/** Whether `key` is a batched capabilities query (below) asking about `project`, or any such. */
export function asksCapabilitiesOf(key: QueryKey, project?: string): boolean {
  if (key[0] !== BATCHED[0] || key[1] !== BATCHED[1]) return false;
  if (project === undefined) return true;
  // Entries are `project` or `project/stage`; names hold neither ',' nor '/'.
  return String(key[2])
    .split(',')
    .some((e) => e === project || e.startsWith(`${project}/`));
}

/**
 * What the user may do in many projects at once, and to a few stages of each (the cockpit shows
 * a few stages of many projects): one request for all, `project` or `project/stage` entries.
 */
export const projectsCapabilitiesQuery = (entries: readonly string[]) => {
  const of = [...new Set(entries)].sort().slice(0, 500).join(',');
  return queryOptions({
    queryKey: [...BATCHED, of],
    queryFn: ({ signal }) =>
      api(`capabilities/projects?of=${encodeURIComponent(of)}`, { signal }, (b) =>
        ProjectsCapabilitiesSchema.parse(b),
      ),
    enabled: of.length > 0,
    staleTime: 60_000,
    // Kept current by `access:changed` pushes to the cockpit (useCockpitAccessChanges) for the
    // projects it shows. ClusterRoles and their bindings are not watched by the BFF, so their
    // changes show within this slow re-ask.
    refetchInterval: 60_000,
    // A changed set of shown items asks again; their buttons keep the last answer meanwhile.
    placeholderData: keepPreviousData,
  });
};

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

/**
 * How a control guarded by `decision` behaves, in both guarded buttons (MUI's and the plain one):
 * refused, it is disabled, and its wrapper takes focus and carries the reason, so the keyboard
 * and screen readers reach why. `busy` disables an allowed one while its action runs.
 */
export function guardOf(
  decision: Decision,
  busy = false,
): { reason: string | undefined; wrapperTabIndex: number; disabled: boolean } {
  const reason = decision.allowed ? undefined : decision.reason;
  return { reason, wrapperTabIndex: reason ? 0 : -1, disabled: !decision.allowed || busy };
}
