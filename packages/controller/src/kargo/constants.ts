// Names Kargo uses that @wharf/shared doesn't carry (see kargo-reference.md); never rename.
export { KARGO_API_VERSION, KARGO_GROUP, KARGO_VERSION } from '@wharf/shared';

export const LABEL_CRED_TYPE = 'kargo.akuity.io/cred-type';

export const CONTROLLER_ACTOR = {
  stage: 'controller:stage-controller',
  promotion: 'controller:promotion-controller',
  warehouse: 'controller:warehouse-controller',
} as const;

export const KARGO_PLURALS = {
  Project: 'projects',
  ProjectConfig: 'projectconfigs',
  ClusterConfig: 'clusterconfigs',
  Warehouse: 'warehouses',
  Freight: 'freights',
  Stage: 'stages',
  Promotion: 'promotions',
  PromotionTask: 'promotiontasks',
  ClusterPromotionTask: 'clusterpromotiontasks',
} as const;

export type KargoKind = keyof typeof KARGO_PLURALS;
export const CLUSTER_SCOPED: ReadonlySet<KargoKind> = new Set([
  'Project',
  'ClusterConfig',
  'ClusterPromotionTask',
]);
