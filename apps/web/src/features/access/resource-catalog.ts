/** A resource a Kargo role may grant, with the API group Kubernetes files it under. */
export interface ResourceType {
  resource: string;
  group: string;
  kind: string;
  /** Cluster-scoped kinds can be listed but a project Role cannot grant them. */
  clusterScoped?: boolean;
}

const KARGO = 'kargo.akuity.io';
const RBAC = 'rbac.authorization.k8s.io';
const ARGO = 'argoproj.io';

// The same table the BFF resolves `resourceType` with (apps/bff roles/resource-types.ts).
export const RESOURCE_TYPES: readonly ResourceType[] = [
  { resource: 'stages', group: KARGO, kind: 'Stage' },
  { resource: 'promotions', group: KARGO, kind: 'Promotion' },
  { resource: 'freights', group: KARGO, kind: 'Freight' },
  { resource: 'freights/status', group: KARGO, kind: 'Freight status (approve)' },
  { resource: 'warehouses', group: KARGO, kind: 'Warehouse' },
  { resource: 'projectconfigs', group: KARGO, kind: 'ProjectConfig' },
  { resource: 'promotiontasks', group: KARGO, kind: 'PromotionTask' },
  { resource: 'projects', group: KARGO, kind: 'Project', clusterScoped: true },
  {
    resource: 'clusterpromotiontasks',
    group: KARGO,
    kind: 'ClusterPromotionTask',
    clusterScoped: true,
  },
  { resource: 'clusterconfigs', group: KARGO, kind: 'ClusterConfig', clusterScoped: true },
  { resource: 'analysistemplates', group: ARGO, kind: 'AnalysisTemplate' },
  { resource: 'analysisruns', group: ARGO, kind: 'AnalysisRun' },
  { resource: 'events', group: '', kind: 'Event' },
  { resource: 'configmaps', group: '', kind: 'ConfigMap' },
  { resource: 'secrets', group: '', kind: 'Secret' },
  { resource: 'serviceaccounts', group: '', kind: 'ServiceAccount' },
  { resource: 'roles', group: RBAC, kind: 'Role' },
  { resource: 'rolebindings', group: RBAC, kind: 'RoleBinding' },
];

export const STANDARD_VERBS = [
  'get',
  'list',
  'watch',
  'create',
  'update',
  'patch',
  'delete',
  'deletecollection',
] as const;

/** Kargo's custom verb: only meaningful on stages. */
export const PROMOTE = 'promote';

/** Verbs offered for a resource: `*` stands for all of them (on stages, `promote` too). */
export function verbsFor(resource: string): string[] {
  return resource === 'stages' ? [...STANDARD_VERBS, PROMOTE, '*'] : [...STANDARD_VERBS, '*'];
}

export function resourceType(resource: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((r) => r.resource === resource);
}

/** `stages.kargo.akuity.io`, or `secrets (core)` for the core group. */
export function qualifiedResource(group: string, resource: string): string {
  return group ? `${resource}.${group}` : `${resource} (core)`;
}
