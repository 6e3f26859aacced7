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
  'deleteFreight',
  'abortPromotion',
  'applyResources',
  'manageRoles',
]);
export type ProjectAction = z.infer<typeof ProjectActionSchema>;

export const StageCapabilitiesSchema = z.object(
  Object.fromEntries(StageActionSchema.options.map((a) => [a, CapabilityDecisionSchema])) as Record<
    StageAction,
    typeof CapabilityDecisionSchema
  >,
);
export type StageCapabilities = z.infer<typeof StageCapabilitiesSchema>;

/** GET /api/v1/projects/{p}/capabilities: what the signed-in caller may do in a project. */
export const CapabilitiesSchema = z.object({
  project: z.string(),
  actor: z.string(),
  projectActions: z.object(
    Object.fromEntries(
      ProjectActionSchema.options.map((a) => [a, CapabilityDecisionSchema]),
    ) as Record<ProjectAction, typeof CapabilityDecisionSchema>,
  ),
  stages: z.record(z.string(), StageCapabilitiesSchema),
});
export type Capabilities = z.infer<typeof CapabilitiesSchema>;
