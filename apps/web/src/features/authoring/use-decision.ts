import { useQuery } from '@tanstack/react-query';
import type { ClusterAction, ProjectAction } from '@wharf/shared/api';
import type { AuthoringResource } from '@wharf/shared/authoring';
import { clusterCapabilitiesQuery } from '@/lib/authoring/authoring-api';
import { capabilitiesQuery, projectDecision, type Decision } from '@/lib/api/capabilities';

/** The capability that allows writing each kind (create and update are asked together). */
const PROJECT_ACTION: Partial<
  Record<AuthoringResource, { create: ProjectAction; update: ProjectAction }>
> = {
  stages: { create: 'createStage', update: 'updateStage' },
  warehouses: { create: 'createWarehouse', update: 'updateWarehouse' },
  projectconfigs: { create: 'updateProjectConfig', update: 'updateProjectConfig' },
  promotiontasks: { create: 'managePromotionTasks', update: 'managePromotionTasks' },
  configmaps: { create: 'manageConfigMaps', update: 'manageConfigMaps' },
};
const CLUSTER_ACTION: Partial<Record<AuthoringResource, ClusterAction>> = {
  projects: 'createProject',
  clusterconfigs: 'updateClusterConfig',
  clusterpromotiontasks: 'manageClusterPromotionTasks',
};

const CHECKING: Decision = { allowed: false, reason: 'Checking your permissions…' };

export function useClusterDecision(action: ClusterAction): Decision {
  const caps = useQuery(clusterCapabilitiesQuery());
  return caps.data?.actions[action] ?? CHECKING;
}

export function useProjectDecision(project: string, action: ProjectAction): Decision {
  const caps = useQuery({ ...capabilitiesQuery(project), enabled: !!project });
  return projectDecision(caps.data, action);
}

/** Whether the user may write this kind here, as Kubernetes answers it. */
export function useWriteDecision(
  resource: AuthoringResource,
  project: string | undefined,
  creating: boolean,
): Decision {
  const p = PROJECT_ACTION[resource];
  const projectCaps = useQuery({ ...capabilitiesQuery(project ?? ''), enabled: !!project && !!p });
  const cluster = useQuery({ ...clusterCapabilitiesQuery(), enabled: !project });
  if (project && p) return projectDecision(projectCaps.data, creating ? p.create : p.update);
  const c = CLUSTER_ACTION[resource];
  if (!project && c) return cluster.data?.actions[c] ?? CHECKING;
  return { allowed: false, reason: `Wharf does not edit ${resource} here.` };
}
