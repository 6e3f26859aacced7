/** Kargo's API group and version; every Kargo kind lives here. */
export const KARGO_GROUP = 'kargo.akuity.io';
export const KARGO_VERSION = 'v1alpha1';
export const KARGO_API_VERSION = `${KARGO_GROUP}/${KARGO_VERSION}`;
/** The custom RBAC verb on `stages` that allows promoting to (and approving for) a Stage. */
export const PROMOTE_VERB = 'promote';

/** Label keys. */
export const LABELS = {
  /** Freight alias; always kept equal to the `alias` field. */
  alias: 'kargo.akuity.io/alias',
  /** On Promotions: the Stage they promote to. */
  stage: 'kargo.akuity.io/stage',
  /** On namespaces: `"true"` marks a project namespace. */
  project: 'kargo.akuity.io/project',
  /** On ServiceAccounts, Roles and RoleBindings of a Kargo-managed role. */
  rbacManaged: 'rbac.kargo.akuity.io/managed',
  /** On API-token Secrets: `"true"`. */
  apiToken: 'rbac.kargo.akuity.io/api-token',
  shard: 'kargo.akuity.io/shard',
} as const;

/** Annotation keys. */
export const ANNOTATIONS = {
  /** RFC3339 time; handled when the object's `status.lastHandledRefresh` equals it. */
  refresh: 'kargo.akuity.io/refresh',
  /** Promotion: `{"action":"terminate","actor":…}`; Stage: `{"id":…,"actor":…}` (abort verification). */
  abort: 'kargo.akuity.io/abort',
  /** Stage: `{"id":<verification id>,"actor":…}`. */
  reverify: 'kargo.akuity.io/reverify',
  createActor: 'kargo.akuity.io/create-actor',
  color: 'kargo.akuity.io/color',
  /** Stage: JSON list of `{name, namespace}` of the Argo CD Applications its last promotion updated. */
  argocdContext: 'kargo.akuity.io/argocd-context',
  /** Promotion: `Warehouse/<name>`, set when a manual promotion holds auto-promotion of that origin. */
  autoPromotionHold: 'kargo.akuity.io/auto-promotion-hold',
  description: 'kargo.akuity.io/description',
  keepNamespace: 'kargo.akuity.io/keep-namespace',
  /** ServiceAccount: JSON object of claim name → string or string[]. */
  rbacClaims: 'rbac.kargo.akuity.io/claims',
  /** Legacy per-claim form: `rbac.kargo.akuity.io/claim.<name>` = comma-separated values. */
  rbacClaimPrefix: 'rbac.kargo.akuity.io/claim.',
  /** Same key as the label; Kargo-managed role objects carry both. */
  rbacManaged: 'rbac.kargo.akuity.io/managed',
  serviceAccountName: 'kubernetes.io/service-account.name',
} as const;

export const PROJECT_FINALIZER = 'kargo.akuity.io/finalizer';

/** Annotation keys on the core/v1 Events Kargo emits. */
export const EVENT_ANNOTATION_PREFIX = 'event.kargo.akuity.io/';
export const EVENT_ANNOTATIONS = {
  project: 'event.kargo.akuity.io/project',
  actor: 'event.kargo.akuity.io/actor',
  promotionName: 'event.kargo.akuity.io/promotion-name',
  promotionCreateTime: 'event.kargo.akuity.io/promotion-create-time',
  stageName: 'event.kargo.akuity.io/stage-name',
  freightName: 'event.kargo.akuity.io/freight-name',
  freightAlias: 'event.kargo.akuity.io/freight-alias',
  freightCreateTime: 'event.kargo.akuity.io/freight-create-time',
  freightWarehouseName: 'event.kargo.akuity.io/freight-warehouse-name',
  freightCommits: 'event.kargo.akuity.io/freight-commits',
  freightImages: 'event.kargo.akuity.io/freight-images',
  freightCharts: 'event.kargo.akuity.io/freight-charts',
  rollback: 'event.kargo.akuity.io/rollback',
  analysisRunName: 'event.kargo.akuity.io/analysis-run-name',
  verificationStartTime: 'event.kargo.akuity.io/verification-start-time',
  verificationFinishTime: 'event.kargo.akuity.io/verification-finish-time',
  verificationPendingTime: 'event.kargo.akuity.io/verification-pending-time',
} as const;

/** `reason` values of Kargo's Events. */
export const KARGO_EVENT_REASONS = [
  'PromotionCreated',
  'PromotionSucceeded',
  'PromotionFailed',
  'PromotionErrored',
  'PromotionAborted',
  'FreightCreated',
  'FreightApproved',
  'FreightVerificationSucceeded',
  'FreightVerificationFailed',
  'FreightVerificationErrored',
  'FreightVerificationAborted',
  'FreightVerificationInconclusive',
  'FreightVerificationUnknown',
] as const;
export type KargoEventReason = (typeof KARGO_EVENT_REASONS)[number];

/** Stage condition types. */
export const CONDITION_TYPES = {
  ready: 'Ready',
  reconciling: 'Reconciling',
  healthy: 'Healthy',
  promoting: 'Promoting',
  verified: 'Verified',
} as const;

/** Actor string prefixes (`admin` stands alone). */
export const ACTOR_ADMIN = 'admin';
export const ACTOR_PREFIXES = {
  email: 'email:',
  subject: 'subject:',
  kubernetes: 'kubernetes:',
  controller: 'controller:',
} as const;

/** Key of an origin in freight collections and auto-promotion holds: `Warehouse/<name>`. */
export function originKey(origin: { kind: string; name: string }): string {
  return `${origin.kind}/${origin.name}`;
}
