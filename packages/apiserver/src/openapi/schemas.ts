// OpenAPI schemas for built-in kinds (the fields kubectl explain and apply need) and ObjectMeta.
import type { ResourceDef } from '../registry/resource-def.js';
import type { JsonObject } from '../util/kobj.js';

const str = (description: string): JsonObject => ({ type: 'string', description });
const strMap = (description: string): JsonObject => ({
  type: 'object',
  additionalProperties: { type: 'string' },
  description,
});
const strList = (description: string): JsonObject => ({
  type: 'array',
  items: { type: 'string' },
  description,
});

export const OBJECT_META_NAME = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

export const OBJECT_META: JsonObject = {
  type: 'object',
  description:
    'ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.',
  properties: {
    name: str('Name must be unique within a namespace.'),
    generateName: str(
      'GenerateName is an optional prefix, used by the server, to generate a unique name ONLY IF the Name field has not been provided.',
    ),
    namespace: str('Namespace defines the space within which each name must be unique.'),
    selfLink: str('Deprecated: selfLink is a legacy read-only field that is no longer populated.'),
    uid: str('UID is the unique in time and space value for this object.'),
    resourceVersion: str('An opaque value that represents the internal version of this object.'),
    generation: {
      type: 'integer',
      format: 'int64',
      description: 'A sequence number representing a specific generation of the desired state.',
    },
    creationTimestamp: {
      type: 'string',
      format: 'date-time',
      description:
        'CreationTimestamp is a timestamp representing the server time when this object was created.',
    },
    deletionTimestamp: {
      type: 'string',
      format: 'date-time',
      description:
        'DeletionTimestamp is RFC 3339 date and time at which this resource will be deleted.',
    },
    deletionGracePeriodSeconds: {
      type: 'integer',
      format: 'int64',
      description:
        'Number of seconds allowed for this object to gracefully terminate before it will be removed from the system.',
    },
    labels: strMap(
      'Map of string keys and values that can be used to organize and categorize objects.',
    ),
    annotations: strMap('Annotations is an unstructured key value map stored with a resource.'),
    finalizers: {
      ...strList('Must be empty before the object is deleted from the registry.'),
      'x-kubernetes-patch-strategy': 'merge',
      'x-kubernetes-list-type': 'set',
    },
    ownerReferences: {
      type: 'array',
      description: 'List of objects depended by this object.',
      'x-kubernetes-patch-merge-key': 'uid',
      'x-kubernetes-patch-strategy': 'merge',
      items: {
        type: 'object',
        required: ['apiVersion', 'kind', 'name', 'uid'],
        properties: {
          apiVersion: str('API version of the referent.'),
          kind: str('Kind of the referent.'),
          name: str('Name of the referent.'),
          uid: str('UID of the referent.'),
          controller: {
            type: 'boolean',
            description: 'If true, this reference points to the managing controller.',
          },
          blockOwnerDeletion: {
            type: 'boolean',
            description:
              'If true, the owner cannot be deleted from the key-value store until this reference is removed.',
          },
        },
      },
    },
    managedFields: {
      type: 'array',
      items: { type: 'object' },
      description:
        'ManagedFields maps workflow-id and version to the set of fields that are managed by that workflow.',
    },
  },
};

const rule: JsonObject = {
  type: 'object',
  required: ['verbs'],
  properties: {
    apiGroups: strList('APIGroups is the name of the APIGroup that contains the resources.'),
    resources: strList('Resources is a list of resources this rule applies to.'),
    resourceNames: strList(
      'ResourceNames is an optional white list of names that the rule applies to.',
    ),
    nonResourceURLs: strList(
      'NonResourceURLs is a set of partial urls that a user should have access to.',
    ),
    verbs: strList(
      'Verbs is a list of Verbs that apply to ALL the ResourceKinds contained in this rule.',
    ),
  },
};
const subjects: JsonObject = {
  type: 'array',
  description: 'Subjects holds references to the objects the role applies to.',
  items: {
    type: 'object',
    required: ['kind', 'name'],
    properties: {
      kind: str('Kind of object being referenced.'),
      apiGroup: str('APIGroup holds the API group of the referenced subject.'),
      name: str('Name of the object being referenced.'),
      namespace: str('Namespace of the referenced object.'),
    },
  },
};
const roleRef: JsonObject = {
  type: 'object',
  required: ['apiGroup', 'kind', 'name'],
  properties: {
    apiGroup: str('APIGroup is the group for the resource being referenced'),
    kind: str('Kind is the type of resource being referenced'),
    name: str('Name is the name of resource being referenced'),
  },
};

const BUILTIN: Record<string, JsonObject> = {
  Namespace: {
    spec: {
      type: 'object',
      properties: {
        finalizers: strList(
          'Finalizers is an opaque list of values that must be empty to permanently remove object from storage.',
        ),
      },
    },
    status: {
      type: 'object',
      properties: { phase: str('Phase is the current lifecycle phase of the namespace.') },
    },
  },
  ConfigMap: {
    data: strMap('Data contains the configuration data.'),
    binaryData: strMap('BinaryData contains the binary data.'),
    immutable: {
      type: 'boolean',
      description:
        'Immutable, if set to true, ensures that data stored in the ConfigMap cannot be updated.',
    },
  },
  Secret: {
    data: {
      ...strMap('Data contains the secret data, base64 encoded.'),
      additionalProperties: { type: 'string', format: 'byte' },
    },
    stringData: strMap('stringData allows specifying non-binary secret data in string form.'),
    type: str('Used to facilitate programmatic handling of secret data.'),
    immutable: {
      type: 'boolean',
      description:
        'Immutable, if set to true, ensures that data stored in the Secret cannot be updated.',
    },
  },
  ServiceAccount: {
    secrets: {
      type: 'array',
      items: { type: 'object', properties: { name: str('Name of the referent.') } },
      'x-kubernetes-patch-merge-key': 'name',
      'x-kubernetes-patch-strategy': 'merge',
      description:
        'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.',
    },
    automountServiceAccountToken: {
      type: 'boolean',
      description:
        'Whether pods running as this service account should have an API token automatically mounted.',
    },
  },
  Role: {
    rules: {
      type: 'array',
      items: rule,
      description: 'Rules holds all the PolicyRules for this Role',
    },
  },
  ClusterRole: {
    rules: {
      type: 'array',
      items: rule,
      description: 'Rules holds all the PolicyRules for this ClusterRole',
    },
    aggregationRule: {
      type: 'object',
      properties: {
        clusterRoleSelectors: {
          type: 'array',
          items: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        },
      },
    },
  },
  RoleBinding: { subjects, roleRef },
  ClusterRoleBinding: { subjects, roleRef },
  Lease: {
    spec: {
      type: 'object',
      properties: {
        holderIdentity: str(
          'holderIdentity contains the identity of the holder of a current lease.',
        ),
        leaseDurationSeconds: { type: 'integer' },
        acquireTime: { type: 'string', format: 'date-time' },
        renewTime: { type: 'string', format: 'date-time' },
        leaseTransitions: { type: 'integer' },
      },
    },
  },
  Event: {
    involvedObject: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
    reason: str(
      "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.",
    ),
    message: str('A human-readable description of the status of this operation.'),
    type: str('Type of this event (Normal, Warning).'),
    count: { type: 'integer' },
  },
  CustomResourceDefinition: {
    spec: {
      type: 'object',
      'x-kubernetes-preserve-unknown-fields': true,
      description: 'spec describes how the user wants the resources to appear',
    },
    status: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
  },
};

/** The schema of a kind at a version, with apiVersion/kind/metadata filled in. */
export function kindSchema(def: ResourceDef, version: string): JsonObject {
  const custom = def.openapi?.get(version);
  const props: JsonObject =
    custom && typeof custom.properties === 'object' && custom.properties
      ? { ...(custom.properties as JsonObject) }
      : { ...(BUILTIN[def.kind] ?? {}) };
  props.apiVersion = str(
    'APIVersion defines the versioned schema of this representation of an object.',
  );
  props.kind = str('Kind is a string value representing the REST resource this object represents.');
  props.metadata = {
    allOf: [{ $ref: `#/components/schemas/${OBJECT_META_NAME}` }],
    description: "Standard object's metadata.",
  };
  return {
    ...(custom ?? { type: 'object' }),
    description:
      (custom?.description as string | undefined) ??
      `${def.kind} is a ${def.group || 'core'} ${version} resource.`,
    properties: props,
    'x-kubernetes-group-version-kind': [{ group: def.group, version, kind: def.kind }],
  };
}

export function schemaName(def: ResourceDef, version: string): string {
  if (def.schemas) return `${def.group.split('.').reverse().join('.')}.${version}.${def.kind}`;
  const pkg = def.group === '' ? 'core' : (def.group.split('.')[0] ?? def.group);
  const base =
    def.group === 'apiextensions.k8s.io' ? 'io.k8s.apiextensions-apiserver.pkg.apis' : 'io.k8s.api';
  return `${base}.${pkg}.${version}.${def.kind}`;
}
