import { ANNOTATIONS } from '@wharf/shared';
import { apiVersionOf, type CreateProjectRequest, type WizardPart } from '@wharf/shared/authoring';
import { createRequest, type CredentialDraft } from '@/lib/authoring/credential-draft';
import type { Json } from '@/lib/authoring/object-edit';

/** Everything the wizard collects; kept in localStorage under its id (in the URL) between visits. */
export interface WizardDraft {
  name: string;
  description: string;
  credentials: CredentialDraft[];
  warehouses: Json[];
  stages: Json[];
  /** ProjectConfig `spec.promotionPolicies`. */
  policies: Json[];
}

export const WIZARD_STEPS = [
  'Basics',
  'Credentials',
  'Warehouses',
  'Stages and pipeline',
  'Promotion policies',
  'Review',
] as const;

export const emptyDraft = (): WizardDraft => ({
  name: '',
  description: '',
  credentials: [],
  warehouses: [],
  stages: [],
  policies: [],
});

const withNamespace = (o: Json, ns: string): Json => ({
  ...o,
  metadata: { ...(o.metadata as Json | undefined), namespace: ns },
});

/** The ProjectConfig the policies make, or none when there are no policies. */
function projectConfig(d: WizardDraft): Json[] {
  if (d.policies.length === 0) return [];
  return [
    {
      apiVersion: apiVersionOf('projectconfigs'),
      kind: 'ProjectConfig',
      metadata: { name: d.name, namespace: d.name },
      spec: { promotionPolicies: d.policies },
    },
  ];
}

/** The objects the project is made of, in creation order (what the YAML pane shows). */
export function draftObjects(d: WizardDraft): Json[] {
  const project: Json = {
    apiVersion: apiVersionOf('projects'),
    kind: 'Project',
    metadata: {
      name: d.name,
      ...(d.description ? { annotations: { [ANNOTATIONS.description]: d.description } } : {}),
    },
  };
  return [
    project,
    ...projectConfig(d),
    ...d.warehouses.map((w) => withNamespace(w, d.name)),
    ...d.stages.map((s) => withNamespace(s, d.name)),
  ];
}

/** The one request that creates it all (credentials before the objects that need them). */
export function createProjectRequest(d: WizardDraft): CreateProjectRequest {
  const [project, ...objects] = draftObjects(d) as CreateProjectRequest['project'][];
  return {
    project: project as CreateProjectRequest['project'],
    credentials: d.credentials.map(createRequest),
    objects,
  };
}

/** Which wizard step holds the part Kubernetes refused. */
export function stepOfPart(d: WizardDraft, part: WizardPart): number {
  if (part.part === 'project') return 0;
  if (part.part === 'credentials') return 1;
  const configs = d.policies.length ? 1 : 0;
  if (part.index < configs) return 4;
  if (part.index < configs + d.warehouses.length) return 2;
  return 3;
}

const KEY = (id: string) => `wharf.wizard.${id}`;

/** Drafts are kept without credential values: those are typed again after a reload. */
export function saveDraft(id: string, d: WizardDraft): void {
  const safe = {
    ...d,
    credentials: d.credentials.map((c) => ({ ...c, username: '', password: '', data: '' })),
  };
  localStorage.setItem(KEY(id), JSON.stringify(safe));
}

export function loadDraft(id: string): WizardDraft {
  try {
    const raw = localStorage.getItem(KEY(id));
    return raw ? { ...emptyDraft(), ...(JSON.parse(raw) as Partial<WizardDraft>) } : emptyDraft();
  } catch {
    return emptyDraft();
  }
}

export const forgetDraft = (id: string) => localStorage.removeItem(KEY(id));
