import { z } from 'zod';
import { ApiErrorBodySchema, TimestampSchema } from './common.js';
import { FreightViewSchema } from './freight-view.js';
import { PromotionViewSchema } from './promotion-view.js';
import { StageViewSchema } from './stage-view.js';
import { WarehouseViewSchema } from './warehouse-view.js';
import { KubeNameSchema } from './names.js';

const KubeName = KubeNameSchema;

/** Exactly one of `freight`, `freightAlias` or `origin` (a warehouse name: resumes auto-promotion). */
export const PromoteRequestSchema = z.union([
  z.strictObject({ freight: KubeName }),
  z.strictObject({ freightAlias: KubeName }),
  z.strictObject({ origin: KubeName }),
]);
export type PromoteRequest = z.infer<typeof PromoteRequestSchema>;

export const PromoteDownstreamRequestSchema = z.strictObject({
  freight: KubeName.optional(),
  freightAlias: KubeName.optional(),
});
export type PromoteDownstreamRequest = z.infer<typeof PromoteDownstreamRequestSchema>;

export const ApproveRequestSchema = z.strictObject({ stage: KubeName });
export type ApproveRequest = z.infer<typeof ApproveRequestSchema>;

export const AliasRequestSchema = z.strictObject({
  alias: z
    .string()
    .min(1)
    .max(63)
    .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be lower-case letters, digits and dashes'),
});
export type AliasRequest = z.infer<typeof AliasRequestSchema>;

const ArtifactField = z.string().min(1).max(2048);

/**
 * Freight assembled by hand from a warehouse's artifacts (one per subscription). The server fills
 * commit details and image annotations from what the warehouse discovered; Kargo names it.
 */
export const CreateFreightRequestSchema = z.strictObject({
  commits: z
    .array(
      z.strictObject({
        repoURL: ArtifactField,
        id: z.string().regex(/^[0-9a-f]{7,64}$/),
        tag: ArtifactField.optional(),
        branch: ArtifactField.optional(),
      }),
    )
    .max(20)
    .optional(),
  images: z
    .array(
      z.strictObject({
        repoURL: ArtifactField,
        tag: ArtifactField,
        digest: z.string().regex(/^[a-z0-9]+:[a-f0-9]+$/),
      }),
    )
    .max(20)
    .optional(),
  charts: z
    .array(
      z.strictObject({
        repoURL: ArtifactField,
        name: ArtifactField.optional(),
        version: ArtifactField,
      }),
    )
    .max(20)
    .optional(),
  alias: AliasRequestSchema.shape.alias.optional(),
});
export type CreateFreightRequest = z.infer<typeof CreateFreightRequestSchema>;

/** One or more YAML (or JSON) documents separated by `---`. */
export const ApplyResourcesRequestSchema = z.strictObject({ manifest: z.string().min(1) });
export type ApplyResourcesRequest = z.infer<typeof ApplyResourcesRequestSchema>;

export const PromoteResultSchema = z.object({
  action: z.literal('promote'),
  promotion: PromotionViewSchema,
});
export const PromoteDownstreamResultSchema = z.object({
  action: z.literal('promote-downstream'),
  results: z.array(
    z.union([
      z.object({ stage: z.string(), ok: z.literal(true), promotion: PromotionViewSchema }),
      z.object({ stage: z.string(), ok: z.literal(false), error: ApiErrorBodySchema }),
    ]),
  ),
});
export const ApproveResultSchema = z.object({
  action: z.literal('approve'),
  freight: FreightViewSchema,
});
export const ApprovalRequestResultSchema = z.object({
  action: z.literal('request-approval'),
  freight: FreightViewSchema,
});
export const WithdrawApprovalRequestResultSchema = z.object({
  action: z.literal('withdraw-approval-request'),
  freight: FreightViewSchema,
});
export const AliasResultSchema = z.object({
  action: z.literal('alias'),
  freight: FreightViewSchema,
});
export const CreateFreightResultSchema = z.object({
  action: z.literal('create-freight'),
  freight: FreightViewSchema,
});
export const DeleteFreightResultSchema = z.object({
  action: z.literal('delete-freight'),
  freight: FreightViewSchema,
});
export const RefreshWarehouseResultSchema = z.object({
  action: z.literal('refresh-warehouse'),
  requestedAt: TimestampSchema,
  warehouse: WarehouseViewSchema,
});
export const RefreshStageResultSchema = z.object({
  action: z.literal('refresh-stage'),
  requestedAt: TimestampSchema,
  stage: StageViewSchema,
});
export const AbortPromotionResultSchema = z.object({
  action: z.literal('abort-promotion'),
  promotion: PromotionViewSchema,
});
export const ReverifyResultSchema = z.object({
  action: z.literal('reverify'),
  stage: StageViewSchema,
});
export const AbortVerificationResultSchema = z.object({
  action: z.literal('abort-verification'),
  stage: StageViewSchema,
});
export const AppliedResourceSchema = z.object({
  apiVersion: z.string(),
  kind: z.string(),
  name: z.string(),
  namespace: z.string().optional(),
  outcome: z.enum(['created', 'configured', 'failed']),
  error: ApiErrorBodySchema.optional(),
});
export type AppliedResource = z.infer<typeof AppliedResourceSchema>;
export const ApplyResourcesResultSchema = z.object({
  action: z.literal('apply'),
  results: z.array(AppliedResourceSchema),
});

/** Every action answers with the object it created or changed, tagged by `action`. */
export const ActionResultSchema = z.discriminatedUnion('action', [
  PromoteResultSchema,
  PromoteDownstreamResultSchema,
  ApproveResultSchema,
  ApprovalRequestResultSchema,
  WithdrawApprovalRequestResultSchema,
  AliasResultSchema,
  CreateFreightResultSchema,
  DeleteFreightResultSchema,
  RefreshWarehouseResultSchema,
  RefreshStageResultSchema,
  AbortPromotionResultSchema,
  ReverifyResultSchema,
  AbortVerificationResultSchema,
  ApplyResourcesResultSchema,
]);
export type ActionResult = z.infer<typeof ActionResultSchema>;
export type ActionResultOf<A extends ActionResult['action']> = Extract<ActionResult, { action: A }>;
