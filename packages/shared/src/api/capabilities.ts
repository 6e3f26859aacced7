import { z } from 'zod';

/** Kubernetes' answer to "may the caller do this?", with the reason shown beside a disabled control. */
export const CapabilityDecisionSchema = z.union([
  z.object({ allowed: z.literal(true) }),
  z.object({ allowed: z.literal(false), reason: z.string() }),
]);
export type CapabilityDecision = z.infer<typeof CapabilityDecisionSchema>;

export const StageActionSchema = z.enum([
  'promote',
  'promoteDownstream',
  'approve',
  'refresh',
  'reverify',
  'abortVerification',
  'delete',
]);
export type StageAction = z.infer<typeof StageActionSchema>;

export const ProjectActionSchema = z.enum([
  'refreshWarehouse',
  'aliasFreight',
  'requestApproval',
  'createFreight',
  'deleteFreight',
  'abortPromotion',
  'applyResources',
  'manageRoles',
  'createWarehouse',
  'updateWarehouse',
  'deleteWarehouse',
  'createStage',
  'updateStage',
  'updateProjectConfig',
  'deleteProject',
  'readCredentials',
  'manageCredentials',
  'managePromotionTasks',
  'manageConfigMaps',
]);
export type ProjectAction = z.infer<typeof ProjectActionSchema>;

/** One decision per action of an enum. */
function decisionsFor<A extends string>(actions: readonly A[]) {
  return z.object(
    Object.fromEntries(actions.map((a) => [a, CapabilityDecisionSchema])) as Record<
      A,
      typeof CapabilityDecisionSchema
    >,
  );
}

export const StageCapabilitiesSchema = decisionsFor(StageActionSchema.options);
export type StageCapabilities = z.infer<typeof StageCapabilitiesSchema>;

/** GET /api/v1/projects/{p}/capabilities: what the signed-in caller may do in a project. */
export const CapabilitiesSchema = z.object({
  project: z.string(),
  actor: z.string(),
  projectActions: decisionsFor(ProjectActionSchema.options),
  stages: z.record(z.string(), StageCapabilitiesSchema),
});
export type Capabilities = z.infer<typeof CapabilitiesSchema>;

/**
 * `stages` (comma-separated) limits the per-stage answers to those stages, for a view that
 * shows a few stages of many projects (the cockpit): each stage costs Kubernetes questions.
 */
export const CapabilitiesQuerySchema = z.object({
  stages: z
    .string()
    .max(8000)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.string().min(1).max(253)).max(100))
    .optional()
    .describe('Only these stages (comma-separated); all stages when absent'),
});
export type CapabilitiesQuery = z.infer<typeof CapabilitiesQuerySchema>;

/** What the caller may do outside any one project. */
export const ClusterActionSchema = z.enum([
  'createProject',
  'updateClusterConfig',
  'manageClusterPromotionTasks',
  'readSharedCredentials',
  'manageSharedCredentials',
]);
export type ClusterAction = z.infer<typeof ClusterActionSchema>;

/** GET /api/v1/capabilities. */
export const ClusterCapabilitiesSchema = z.object({
  actor: z.string(),
  /** Kargo's shared namespace, where shared credentials live. */
  sharedNamespace: z.string(),
  actions: decisionsFor(ClusterActionSchema.options),
});
export type ClusterCapabilities = z.infer<typeof ClusterCapabilitiesSchema>;
