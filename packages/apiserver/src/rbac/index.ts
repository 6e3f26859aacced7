// Kubernetes RBAC authorization as kube-apiserver does it, over plain stored objects.
// authorize() also stands in for the privileged-group authorizer (system:masters). The caller
// builds Attributes as kube-apiserver's request info does: e.g. a get of namespaces/foo carries
// namespace "foo", and a list/watch narrowed by a metadata.name field selector carries that name.
// A 403 message is `<resource> "<name>" is forbidden: ${forbiddenReason(...)}` plus `: <reason>`
// when the decision's reason is not empty.
export { authorize } from './authorize.js';
export type { Decision } from './authorize.js';
export { rulesFor } from './rules-for.js';
export type { RulesReview } from './rules-for.js';
export { findEscalation } from './escalation.js';
export { forbiddenReason } from './forbidden-reason.js';
export { aggregatedRules, effectiveClusterRoleRules } from './aggregation.js';
export { covers, breakdownRule } from './covers.js';
export { matchesLabelSelector } from './label-selector.js';
export { ruleAllows } from './rule-match.js';
export { serviceAccountUsername } from './subjects.js';
export { RBAC_GROUP, SUPERUSER_GROUP } from './types.js';
export type {
  Attributes,
  ClusterRole,
  ClusterRoleBinding,
  LabelSelector,
  NonResourceRule,
  PolicyRule,
  RbacSource,
  ResourceRule,
  Role,
  RoleBinding,
  RoleRef,
  Subject,
  UserInfo,
} from './types.js';
