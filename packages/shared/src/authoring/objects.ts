import { z } from 'zod';

/**
 * The kinds Wharf creates, edits and deletes through its one generic write path, keyed by their
 * REST plural. Secrets are not here on purpose: they go only through the credentials API, whose
 * answers never carry values.
 */
export const AUTHORING_KINDS = {
  projects: { kind: 'Project', group: 'kargo.akuity.io', version: 'v1alpha1', namespaced: false },
  clusterconfigs: {
    kind: 'ClusterConfig',
    group: 'kargo.akuity.io',
    version: 'v1alpha1',
    namespaced: false,
  },
  clusterpromotiontasks: {
    kind: 'ClusterPromotionTask',
    group: 'kargo.akuity.io',
    version: 'v1alpha1',
    namespaced: false,
  },
  projectconfigs: {
    kind: 'ProjectConfig',
    group: 'kargo.akuity.io',
    version: 'v1alpha1',
    namespaced: true,
  },
  warehouses: {
    kind: 'Warehouse',
    group: 'kargo.akuity.io',
    version: 'v1alpha1',
    namespaced: true,
  },
  stages: { kind: 'Stage', group: 'kargo.akuity.io', version: 'v1alpha1', namespaced: true },
  promotiontasks: {
    kind: 'PromotionTask',
    group: 'kargo.akuity.io',
    version: 'v1alpha1',
    namespaced: true,
  },
  configmaps: { kind: 'ConfigMap', group: '', version: 'v1', namespaced: true },
} as const;
export type AuthoringResource = keyof typeof AUTHORING_KINDS;
export const AuthoringResourceSchema = z.enum(
  Object.keys(AUTHORING_KINDS) as [AuthoringResource, ...AuthoringResource[]],
);
export const NAMESPACED_AUTHORING_RESOURCES = AuthoringResourceSchema.options.filter(
  (r) => AUTHORING_KINDS[r].namespaced,
);
export const CLUSTER_AUTHORING_RESOURCES = AuthoringResourceSchema.options.filter(
  (r) => !AUTHORING_KINDS[r].namespaced,
);

/** `apiVersion` of a kind as manifests spell it (`v1` for the core group). */
export function apiVersionOf(resource: AuthoringResource): string {
  const k = AUTHORING_KINDS[resource];
  return k.group ? `${k.group}/${k.version}` : k.version;
}

/** Any Kubernetes object as it crosses the wire: apiVersion, kind, metadata.name; the rest kept. */
export const KubeObjectSchema = z.looseObject({
  apiVersion: z.string(),
  kind: z.string(),
  metadata: z.looseObject({
    name: z.string(),
    namespace: z.string().optional(),
    resourceVersion: z.string().optional(),
  }),
});
export type KubeObject = z.infer<typeof KubeObjectSchema>;

/**
 * A create or update body: the whole object as YAML or JSON text, exactly as the user wrote it
 * (Kubernetes parses it, so its own messages come back for bad YAML). An update must carry the
 * `metadata.resourceVersion` it was read at: a change by anyone else since then is a conflict.
 */
export const ObjectWriteRequestSchema = z.strictObject({
  manifest: z.string().min(1).max(1_000_000),
  /**
   * The object as it was read when editing began. Kargo's controllers change status (and so the
   * resourceVersion) all the time; with `base`, a write meets a conflict only when someone
   * changed the object's content, not its status.
   */
  base: KubeObjectSchema.optional(),
});
export type ObjectWriteRequest = z.infer<typeof ObjectWriteRequestSchema>;

export const DryRunQuerySchema = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

/** The object as Kubernetes stored it (or would store it, on a dry run), plus its warnings. */
export const ObjectWriteResultSchema = z.object({
  dryRun: z.boolean(),
  object: KubeObjectSchema,
  warnings: z.array(z.string()),
});
export type ObjectWriteResult = z.infer<typeof ObjectWriteResultSchema>;

/** GET of one authorable object, for editing: no `status`, no `managedFields`. */
export const ObjectReadResultSchema = z.object({ object: KubeObjectSchema });
export type ObjectReadResult = z.infer<typeof ObjectReadResultSchema>;

export const ObjectDeleteResultSchema = z.object({
  deleted: z.object({ resource: AuthoringResourceSchema, name: z.string() }),
});

/**
 * Why Kubernetes refused one field: `field` is Kubernetes' path (`spec.requestedFreight[0].origin`),
 * `line` the 1-based line of the manifest it points at, when known.
 */
export const FieldCauseSchema = z.object({
  field: z.string().optional(),
  message: z.string(),
  reason: z.string().optional(),
  line: z.number().int().positive().optional(),
});
export type FieldCause = z.infer<typeof FieldCauseSchema>;

/** `error.details` of a refused write (400/422): Kubernetes' causes, each on its field or line. */
export const WriteRefusalDetailsSchema = z.object({ causes: z.array(FieldCauseSchema) });
export type WriteRefusalDetails = z.infer<typeof WriteRefusalDetailsSchema>;

/** `error.details` of a 409 on update: what is stored now, so the user sees the other change. */
export const WriteConflictDetailsSchema = z.object({ current: KubeObjectSchema });
export type WriteConflictDetails = z.infer<typeof WriteConflictDetailsSchema>;

/** What depends on an object, and what Kargo does when it is deleted. */
export const DeleteImpactSchema = z.object({
  resource: AuthoringResourceSchema,
  name: z.string(),
  dependents: z.array(
    z.object({ kind: z.string(), name: z.string(), why: z.string().describe('For a person') }),
  ),
  /** Sentences: what Kargo and Kubernetes will do on delete. */
  effects: z.array(z.string()),
  /** When set, deleting now would break something in flight; the UI asks twice. */
  blocking: z.array(z.string()),
});
export type DeleteImpact = z.infer<typeof DeleteImpactSchema>;

/** GET /api/v1/schemas/{resource}: the kind's OpenAPI v3 schema as the cluster serves it, refs inlined. */
export const KindSchemaResultSchema = z.object({
  resource: AuthoringResourceSchema,
  kind: z.string(),
  schema: z.record(z.string(), z.unknown()),
});
export type KindSchemaResult = z.infer<typeof KindSchemaResultSchema>;

/** GET /api/v1/projects/{p}/projectconfig: settings Kargo reports back, for the settings page. */
export const ProjectConfigViewSchema = z.object({
  project: z.string(),
  exists: z.boolean(),
  /** Receivers as Kargo published them (`status.webhookReceivers`): the URL to paste into a forge. */
  webhookReceivers: z.array(
    z.object({ name: z.string(), path: z.string().optional(), url: z.string().optional() }),
  ),
  /** Receivers configured in spec that Kargo has not published yet. */
  pendingReceivers: z.array(z.string()),
  refresh: z.object({
    requestedAt: z.string().optional(),
    lastHandledAt: z.string().optional(),
    pending: z.boolean(),
  }),
  conditions: z.array(
    z.object({
      type: z.string(),
      status: z.string(),
      reason: z.string().optional(),
      message: z.string().optional(),
    }),
  ),
});
export type ProjectConfigView = z.infer<typeof ProjectConfigViewSchema>;

export const RefreshProjectConfigResultSchema = z.object({
  requestedAt: z.string(),
  config: ProjectConfigViewSchema,
});
