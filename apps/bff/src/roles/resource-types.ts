import { InputError } from '../identity/http-errors.js';

const KARGO = 'kargo.akuity.io';
const RBAC = 'rbac.authorization.k8s.io';

/** Resource types a Kargo role may grant, by plural name, with their API group. */
const GROUPS: Record<string, string> = {
  projects: KARGO,
  projectconfigs: KARGO,
  warehouses: KARGO,
  freights: KARGO,
  stages: KARGO,
  promotions: KARGO,
  promotiontasks: KARGO,
  clusterpromotiontasks: KARGO,
  clusterconfigs: KARGO,
  analysistemplates: 'argoproj.io',
  analysisruns: 'argoproj.io',
  serviceaccounts: '',
  secrets: '',
  configmaps: '',
  events: '',
  roles: RBAC,
  rolebindings: RBAC,
};

/** The verbs `*` stands for on a resource; on stages that includes Kargo's custom `promote`. */
export const STANDARD_VERBS = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];

export function verbsOfWildcard(resource: string): string[] {
  const base = resource.split('/')[0];
  return base === 'stages' ? [...STANDARD_VERBS, 'promote'].sort() : STANDARD_VERBS;
}

/**
 * `Stage`, `stage` and `stages` all mean `stages` (group kargo.akuity.io); a subresource such as
 * `freights/status` keeps its suffix.
 */
export function resolveResource(resourceType: string): { group: string; resource: string } {
  const [rawBase = '', sub] = resourceType.trim().toLowerCase().split('/', 2);
  const base = rawBase in GROUPS ? rawBase : `${rawBase}s` in GROUPS ? `${rawBase}s` : undefined;
  if (base === undefined) {
    throw new InputError(
      `Unknown resource type "${resourceType}"; use one of: ${Object.keys(GROUPS).join(', ')}.`,
    );
  }
  return { group: GROUPS[base] ?? '', resource: sub ? `${base}/${sub}` : base };
}
