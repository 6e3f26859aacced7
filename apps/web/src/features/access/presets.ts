import type { ResourceDetails } from '@wharf/shared/api';
import type { RuleRow } from './rules-draft';
import { draftRules } from './rules-draft';
import { resourceType } from './resource-catalog';

const READ = ['get', 'list', 'watch'];
// Namespaced kinds a project role can usefully grant (cluster-scoped ones need a ClusterRole).
const READABLE = [
  'analysisruns',
  'analysistemplates',
  'events',
  'freights',
  'projectconfigs',
  'promotions',
  'promotiontasks',
  'stages',
  'warehouses',
];

export type PresetId = 'viewer' | 'promoter' | 'admin';

export const PRESETS: { id: PresetId; label: string; help: string }[] = [
  { id: 'viewer', label: 'Viewer', help: 'Read every Kargo object of the project.' },
  {
    id: 'promoter',
    label: 'Promoter for these stages',
    help: 'Viewer, plus promote to and approve freight for the chosen stages.',
  },
  {
    id: 'admin',
    label: 'Project admin',
    help: 'Everything in the project, including roles, secrets and promoting to every stage.',
  },
];

const row = (resource: string, verbs: string[], name = ''): RuleRow => ({ resource, name, verbs });

/** The rows a preset stands for, one per resource and name; `stages` are a promoter's stages. */
export function presetRows(id: PresetId, stages: readonly string[] = []): RuleRow[] {
  const rules = rawRows(id, stages).map((r) => ({
    apiGroups: [resourceType(r.resource)?.group ?? ''],
    resources: [r.resource],
    ...(r.name ? { resourceNames: [r.name] } : {}),
    verbs: r.verbs,
  }));
  return draftRules(rules).rows;
}

function rawRows(id: PresetId, stages: readonly string[] = []): RuleRow[] {
  const viewer = READABLE.map((r) => row(r, READ));
  switch (id) {
    case 'viewer':
      return viewer;
    case 'promoter':
      if (stages.length === 0)
        throw new Error('Choose at least one stage the role may promote to.');
      return [
        ...viewer,
        ...[...new Set(stages)].sort().map((s) => row('stages', ['promote'], s)),
        row('promotions', ['create']),
        row('freights/status', ['patch']),
      ];
    case 'admin':
      return [
        ...READABLE.map((r) => row(r, ['*'])),
        row('freights/status', ['*']),
        ...['configmaps', 'secrets', 'serviceaccounts', 'roles', 'rolebindings'].map((r) =>
          row(r, ['*']),
        ),
      ];
  }
}

export const presetDetails = (id: PresetId, stages: readonly string[] = []): ResourceDetails[] =>
  presetRows(id, stages).map((r) => ({
    resourceType: r.resource,
    ...(r.name ? { resourceName: r.name } : {}),
    verbs: r.verbs,
  }));
