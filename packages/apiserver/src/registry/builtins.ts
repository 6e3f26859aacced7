// The built-in kinds this server serves.
import { ageOf } from '../table/age.js';
import { isObject, type KObj } from '../util/kobj.js';
import { CRUD_VERBS, type PrinterColumn, type ResourceDef } from './resource-def.js';

const NAME: PrinterColumn = {
  name: 'Name',
  type: 'string',
  format: 'name',
  description: 'Name must be unique within a namespace.',
  cell: (o) => o.metadata.name ?? '',
};
const AGE: PrinterColumn = {
  name: 'Age',
  type: 'string',
  description:
    'CreationTimestamp is a timestamp representing the server time when this object was created.',
  cell: (o) => ageOf(o.metadata.creationTimestamp),
};
const CREATED_AT: PrinterColumn = {
  name: 'Created At',
  type: 'date',
  cell: (o) => o.metadata.creationTimestamp ?? '',
};

function count(v: unknown): number {
  if (Array.isArray(v)) return v.length;
  return isObject(v) ? Object.keys(v).length : 0;
}

function str(o: KObj, ...path: string[]): string {
  let cur: unknown = o;
  for (const p of path) cur = isObject(cur) ? cur[p] : undefined;
  return cur === undefined || cur === null ? '' : String(cur);
}

type Spec = Partial<ResourceDef> &
  Pick<ResourceDef, 'group' | 'version' | 'resource' | 'singular' | 'kind' | 'namespaced'>;

function def(s: Spec): ResourceDef {
  return {
    versions: [s.version],
    listKind: `${s.kind}List`,
    shortNames: [],
    categories: [],
    verbs: CRUD_VERBS,
    statusSubresource: false,
    generation: false,
    strategicMerge: true,
    columns: [NAME, AGE],
    ...s,
  };
}

function subjects(o: KObj, kind: string): string {
  const list = Array.isArray(o.subjects) ? o.subjects : [];
  return list
    .filter((s): s is Record<string, unknown> => isObject(s) && s.kind === kind)
    .map((s) =>
      kind === 'ServiceAccount' ? `${String(s.namespace ?? '')}/${String(s.name)}` : String(s.name),
    )
    .join(', ');
}

const BINDING_COLUMNS: PrinterColumn[] = [
  NAME,
  {
    name: 'Role',
    type: 'string',
    cell: (o) => `${str(o, 'roleRef', 'kind')}/${str(o, 'roleRef', 'name')}`,
  },
  AGE,
  { name: 'Users', type: 'string', priority: 1, cell: (o) => subjects(o, 'User') },
  { name: 'Groups', type: 'string', priority: 1, cell: (o) => subjects(o, 'Group') },
  {
    name: 'ServiceAccounts',
    type: 'string',
    priority: 1,
    cell: (o) => subjects(o, 'ServiceAccount'),
  },
];

const REVIEW_VERBS = ['create'];

export function builtinDefs(): ResourceDef[] {
  return [
    def({
      group: '',
      version: 'v1',
      resource: 'namespaces',
      singular: 'namespace',
      kind: 'Namespace',
      namespaced: false,
      shortNames: ['ns'],
      statusSubresource: true,
      columns: [
        NAME,
        { name: 'Status', type: 'string', cell: (o) => str(o, 'status', 'phase') },
        AGE,
      ],
      fieldLabels: { 'status.phase': (o) => str(o, 'status', 'phase') },
    }),
    def({
      group: '',
      version: 'v1',
      resource: 'configmaps',
      singular: 'configmap',
      kind: 'ConfigMap',
      namespaced: true,
      shortNames: ['cm'],
      columns: [
        NAME,
        { name: 'Data', type: 'integer', cell: (o) => count(o.data) + count(o.binaryData) },
        AGE,
      ],
    }),
    def({
      group: '',
      version: 'v1',
      resource: 'secrets',
      singular: 'secret',
      kind: 'Secret',
      namespaced: true,
      columns: [
        NAME,
        { name: 'Type', type: 'string', cell: (o) => str(o, 'type') },
        { name: 'Data', type: 'string', cell: (o) => String(count(o.data)) },
        AGE,
      ],
      fieldLabels: { type: (o) => str(o, 'type') },
    }),
    def({
      group: '',
      version: 'v1',
      resource: 'serviceaccounts',
      singular: 'serviceaccount',
      kind: 'ServiceAccount',
      namespaced: true,
      shortNames: ['sa'],
      columns: [
        NAME,
        { name: 'Secrets', type: 'string', cell: (o) => String(count(o.secrets)) },
        AGE,
      ],
    }),
    def({
      group: '',
      version: 'v1',
      resource: 'events',
      singular: 'event',
      kind: 'Event',
      namespaced: true,
      shortNames: ['ev'],
      columns: [
        {
          name: 'Last Seen',
          type: 'string',
          cell: (o) => ageOf(o.lastTimestamp ?? o.eventTime ?? o.metadata.creationTimestamp),
        },
        { name: 'Type', type: 'string', cell: (o) => str(o, 'type') },
        { name: 'Reason', type: 'string', cell: (o) => str(o, 'reason') },
        {
          name: 'Object',
          type: 'string',
          cell: (o) =>
            `${str(o, 'involvedObject', 'kind').toLowerCase()}/${str(o, 'involvedObject', 'name')}`,
        },
        { name: 'Message', type: 'string', cell: (o) => str(o, 'message') },
      ],
      fieldLabels: Object.fromEntries([
        ...['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'].map(
          (f) => [`involvedObject.${f}`, (o: KObj) => str(o, 'involvedObject', f)] as const,
        ),
        ['reason', (o: KObj) => str(o, 'reason')],
        ['reportingComponent', (o: KObj) => str(o, 'reportingComponent')],
        ['source', (o: KObj) => str(o, 'source', 'component')],
        ['type', (o: KObj) => str(o, 'type')],
      ]),
    }),
    def({
      group: 'rbac.authorization.k8s.io',
      version: 'v1',
      resource: 'roles',
      singular: 'role',
      kind: 'Role',
      namespaced: true,
      columns: [NAME, CREATED_AT],
    }),
    def({
      group: 'rbac.authorization.k8s.io',
      version: 'v1',
      resource: 'clusterroles',
      singular: 'clusterrole',
      kind: 'ClusterRole',
      namespaced: false,
      columns: [NAME, CREATED_AT],
    }),
    def({
      group: 'rbac.authorization.k8s.io',
      version: 'v1',
      resource: 'rolebindings',
      singular: 'rolebinding',
      kind: 'RoleBinding',
      namespaced: true,
      columns: BINDING_COLUMNS,
    }),
    def({
      group: 'rbac.authorization.k8s.io',
      version: 'v1',
      resource: 'clusterrolebindings',
      singular: 'clusterrolebinding',
      kind: 'ClusterRoleBinding',
      namespaced: false,
      columns: BINDING_COLUMNS,
    }),
    def({
      group: 'coordination.k8s.io',
      version: 'v1',
      resource: 'leases',
      singular: 'lease',
      kind: 'Lease',
      namespaced: true,
      columns: [
        NAME,
        { name: 'Holder', type: 'string', cell: (o) => str(o, 'spec', 'holderIdentity') },
        AGE,
      ],
    }),
    // Workload kinds are stored only (nothing runs pods here), so manifests that install an
    // app, such as Wharf's own deploy/kubernetes, can be applied or dry-run against this server.
    def({
      group: 'apps',
      version: 'v1',
      resource: 'deployments',
      singular: 'deployment',
      kind: 'Deployment',
      namespaced: true,
      shortNames: ['deploy'],
      categories: ['all'],
      statusSubresource: true,
      generation: true,
    }),
    def({
      group: '',
      version: 'v1',
      resource: 'services',
      singular: 'service',
      kind: 'Service',
      namespaced: true,
      shortNames: ['svc'],
      categories: ['all'],
      statusSubresource: true,
    }),
    def({
      group: 'networking.k8s.io',
      version: 'v1',
      resource: 'ingresses',
      singular: 'ingress',
      kind: 'Ingress',
      namespaced: true,
      shortNames: ['ing'],
      statusSubresource: true,
      generation: true,
    }),
    def({
      group: 'policy',
      version: 'v1',
      resource: 'poddisruptionbudgets',
      singular: 'poddisruptionbudget',
      kind: 'PodDisruptionBudget',
      namespaced: true,
      shortNames: ['pdb'],
      statusSubresource: true,
      generation: true,
    }),
    def({
      group: 'apiextensions.k8s.io',
      version: 'v1',
      resource: 'customresourcedefinitions',
      singular: 'customresourcedefinition',
      kind: 'CustomResourceDefinition',
      namespaced: false,
      shortNames: ['crd', 'crds'],
      categories: ['api-extensions'],
      statusSubresource: true,
      generation: true,
      columns: [NAME, CREATED_AT],
    }),
    ...[
      ['authorization.k8s.io', 'subjectaccessreviews', 'SubjectAccessReview', false],
      ['authorization.k8s.io', 'selfsubjectaccessreviews', 'SelfSubjectAccessReview', false],
      ['authorization.k8s.io', 'selfsubjectrulesreviews', 'SelfSubjectRulesReview', false],
      ['authorization.k8s.io', 'localsubjectaccessreviews', 'LocalSubjectAccessReview', true],
      ['authentication.k8s.io', 'tokenreviews', 'TokenReview', false],
      ['authentication.k8s.io', 'selfsubjectreviews', 'SelfSubjectReview', false],
    ].map(([group, resource, kind, namespaced]) =>
      def({
        group: String(group),
        version: 'v1',
        resource: String(resource),
        singular: String(resource).slice(0, -1),
        kind: String(kind),
        namespaced: Boolean(namespaced),
        verbs: REVIEW_VERBS,
        virtual: true,
      }),
    ),
  ];
}

/** Kubernetes' name rule per built-in resource. */
export const NAME_RULES: Record<string, 'label' | 'subdomain' | 'path-segment'> = {
  namespaces: 'label',
  roles: 'path-segment',
  clusterroles: 'path-segment',
  rolebindings: 'path-segment',
  clusterrolebindings: 'path-segment',
};
