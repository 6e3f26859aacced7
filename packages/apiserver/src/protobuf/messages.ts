// Field numbers of the Kubernetes messages client-go may send typed (from the published
// generated.proto definitions of core/v1, rbac/v1, authentication/v1, authorization/v1, meta/v1).
export type FieldType =
  'string' | 'int' | 'bool' | 'bytes' | 'time' | Msg | { map: 'string' | 'bytes' | Msg };
export interface FieldDef {
  name: string;
  type: FieldType;
  repeated?: boolean;
}
export interface Msg {
  fields: Record<number, FieldDef>;
}

const m = (fields: Record<number, FieldDef>): Msg => ({ fields });
const s = (name: string, repeated = false): FieldDef => ({
  name,
  type: 'string',
  ...(repeated ? { repeated } : {}),
});

const OwnerReference = m({
  1: s('kind'),
  3: s('name'),
  4: s('uid'),
  5: s('apiVersion'),
  6: { name: 'controller', type: 'bool' },
  7: { name: 'blockOwnerDeletion', type: 'bool' },
});
export const ObjectMeta = m({
  1: s('name'),
  2: s('generateName'),
  3: s('namespace'),
  5: s('uid'),
  6: s('resourceVersion'),
  7: { name: 'generation', type: 'int' },
  8: { name: 'creationTimestamp', type: 'time' },
  9: { name: 'deletionTimestamp', type: 'time' },
  10: { name: 'deletionGracePeriodSeconds', type: 'int' },
  11: { name: 'labels', type: { map: 'string' } },
  12: { name: 'annotations', type: { map: 'string' } },
  13: { name: 'ownerReferences', type: OwnerReference, repeated: true },
  14: s('finalizers', true),
});
const meta: FieldDef = { name: 'metadata', type: ObjectMeta };
const ObjectReference = m({
  1: s('kind'),
  2: s('namespace'),
  3: s('name'),
  4: s('uid'),
  5: s('apiVersion'),
  6: s('resourceVersion'),
  7: s('fieldPath'),
});
const LocalObjectReference = m({ 1: s('name') });
const PolicyRule = m({
  1: s('verbs', true),
  2: s('apiGroups', true),
  3: s('resources', true),
  4: s('resourceNames', true),
  5: s('nonResourceURLs', true),
});
const LabelSelectorRequirement = m({ 1: s('key'), 2: s('operator'), 3: s('values', true) });
const LabelSelector = m({
  1: { name: 'matchLabels', type: { map: 'string' } },
  2: { name: 'matchExpressions', type: LabelSelectorRequirement, repeated: true },
});
const Subject = m({ 1: s('kind'), 2: s('apiGroup'), 3: s('name'), 4: s('namespace') });
const RoleRef = m({ 1: s('apiGroup'), 2: s('kind'), 3: s('name') });
const ResourceAttributes = m({
  1: s('namespace'),
  2: s('verb'),
  3: s('group'),
  4: s('version'),
  5: s('resource'),
  6: s('subresource'),
  7: s('name'),
});
const NonResourceAttributes = m({ 1: s('path'), 2: s('verb') });
const ExtraValue = m({ 1: s('items', true) });
const SarSpec = m({
  1: { name: 'resourceAttributes', type: ResourceAttributes },
  2: { name: 'nonResourceAttributes', type: NonResourceAttributes },
  3: s('user'),
  4: s('groups', true),
  5: { name: 'extra', type: { map: ExtraValue } },
  6: s('uid'),
});
const SelfSarSpec = m({
  1: { name: 'resourceAttributes', type: ResourceAttributes },
  2: { name: 'nonResourceAttributes', type: NonResourceAttributes },
});
const BoundObjectReference = m({ 1: s('kind'), 2: s('apiVersion'), 3: s('name'), 4: s('uid') });

/** Top-level kinds by "apiVersion/kind". */
export const KINDS: Record<string, Msg> = {
  'v1/Namespace': m({ 1: meta, 2: { name: 'spec', type: m({ 1: s('finalizers', true) }) } }),
  'v1/ServiceAccount': m({
    1: meta,
    2: { name: 'secrets', type: ObjectReference, repeated: true },
    3: { name: 'imagePullSecrets', type: LocalObjectReference, repeated: true },
    4: { name: 'automountServiceAccountToken', type: 'bool' },
  }),
  'v1/ConfigMap': m({
    1: meta,
    2: { name: 'data', type: { map: 'string' } },
    3: { name: 'binaryData', type: { map: 'bytes' } },
    4: { name: 'immutable', type: 'bool' },
  }),
  'v1/Secret': m({
    1: meta,
    2: { name: 'data', type: { map: 'bytes' } },
    3: s('type'),
    4: { name: 'stringData', type: { map: 'string' } },
    5: { name: 'immutable', type: 'bool' },
  }),
  'rbac.authorization.k8s.io/v1/Role': m({
    1: meta,
    2: { name: 'rules', type: PolicyRule, repeated: true },
  }),
  'rbac.authorization.k8s.io/v1/ClusterRole': m({
    1: meta,
    2: { name: 'rules', type: PolicyRule, repeated: true },
    3: {
      name: 'aggregationRule',
      type: m({ 1: { name: 'clusterRoleSelectors', type: LabelSelector, repeated: true } }),
    },
  }),
  'rbac.authorization.k8s.io/v1/RoleBinding': m({
    1: meta,
    2: { name: 'subjects', type: Subject, repeated: true },
    3: { name: 'roleRef', type: RoleRef },
  }),
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': m({
    1: meta,
    2: { name: 'subjects', type: Subject, repeated: true },
    3: { name: 'roleRef', type: RoleRef },
  }),
  'authorization.k8s.io/v1/SubjectAccessReview': m({ 1: meta, 2: { name: 'spec', type: SarSpec } }),
  'authorization.k8s.io/v1/LocalSubjectAccessReview': m({
    1: meta,
    2: { name: 'spec', type: SarSpec },
  }),
  'authorization.k8s.io/v1/SelfSubjectAccessReview': m({
    1: meta,
    2: { name: 'spec', type: SelfSarSpec },
  }),
  'authorization.k8s.io/v1/SelfSubjectRulesReview': m({
    1: meta,
    2: { name: 'spec', type: m({ 1: s('namespace') }) },
  }),
  'authentication.k8s.io/v1/SelfSubjectReview': m({ 1: meta }),
  'authentication.k8s.io/v1/TokenReview': m({
    1: meta,
    2: { name: 'spec', type: m({ 1: s('token'), 2: s('audiences', true) }) },
  }),
  'authentication.k8s.io/v1/TokenRequest': m({
    1: meta,
    2: {
      name: 'spec',
      type: m({
        1: s('audiences', true),
        3: { name: 'boundObjectRef', type: BoundObjectReference },
        4: { name: 'expirationSeconds', type: 'int' },
      }),
    },
  }),
  'v1/DeleteOptions': m({
    1: { name: 'gracePeriodSeconds', type: 'int' },
    2: { name: 'preconditions', type: m({ 1: s('uid'), 2: s('resourceVersion') }) },
    3: { name: 'orphanDependents', type: 'bool' },
    4: s('propagationPolicy'),
    5: s('dryRun', true),
  }),
  'meta.k8s.io/v1/DeleteOptions': m({
    1: { name: 'gracePeriodSeconds', type: 'int' },
    2: { name: 'preconditions', type: m({ 1: s('uid'), 2: s('resourceVersion') }) },
    3: { name: 'orphanDependents', type: 'bool' },
    4: s('propagationPolicy'),
    5: s('dryRun', true),
  }),
};
