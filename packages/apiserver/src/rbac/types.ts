// Plain Kubernetes rbac.authorization.k8s.io/v1 objects as stored, plus the
// authorization.k8s.io/v1 rule shapes returned by SelfSubjectRulesReview.

export interface UserInfo {
  username: string;
  uid?: string;
  groups: string[];
  extra?: Record<string, string[]>;
}

export type Attributes =
  | {
      kind: 'resource';
      verb: string;
      apiGroup: string;
      resource: string;
      subresource?: string;
      namespace?: string;
      name?: string;
    }
  | { kind: 'nonResource'; verb: string; path: string };

export type ResourceAttributes = Extract<Attributes, { kind: 'resource' }>;

export interface ObjectMeta {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  [key: string]: unknown;
}

export interface PolicyRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

export interface Subject {
  kind: string;
  apiGroup?: string;
  name: string;
  namespace?: string;
}

export interface RoleRef {
  apiGroup: string;
  kind: string;
  name: string;
}

export interface LabelSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

export interface Role {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  rules?: PolicyRule[] | null;
}

export interface ClusterRole extends Role {
  aggregationRule?: { clusterRoleSelectors?: LabelSelector[] } | null;
}

export interface RoleBinding {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  subjects?: Subject[] | null;
  roleRef: RoleRef;
}

export type ClusterRoleBinding = RoleBinding;

export interface ResourceRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
}

export interface NonResourceRule {
  verbs: string[];
  nonResourceURLs?: string[];
}

/** Read access to the stored RBAC objects; the authorizer never writes. */
export interface RbacSource {
  roles(namespace: string): Role[];
  roleBindings(namespace: string): RoleBinding[];
  clusterRoles(): ClusterRole[];
  clusterRoleBindings(): ClusterRoleBinding[];
}

export const RBAC_GROUP = 'rbac.authorization.k8s.io';
export const SUPERUSER_GROUP = 'system:masters';
