import { z } from 'zod';
import {
  FreightCollectionSchema,
  FreightOriginSchema,
  FreightReferenceSchema,
} from './artifacts.js';
import { ConditionSchema, ObjectMetaSchema } from './meta.js';
import { PromotionStatusSchema } from './promotion.js';
import { ExpressionVariableSchema, PromotionStepSchema } from './steps.js';

/** `""` means the same as `OneOf`. */
export const AvailabilityStrategySchema = z.enum(['All', 'OneOf', '']);
export type AvailabilityStrategy = z.infer<typeof AvailabilityStrategySchema>;

export const FreightSourcesSchema = z.looseObject({
  direct: z.boolean().optional(),
  stages: z.array(z.string()).optional(),
  /** Go duration such as `1h30m`. */
  requiredSoakTime: z.string().optional(),
  availabilityStrategy: AvailabilityStrategySchema.optional(),
  autoPromotionOptions: z
    .looseObject({ selectionPolicy: z.enum(['NewestFreight', 'MatchUpstream']).optional() })
    .optional(),
});
export type FreightSources = z.infer<typeof FreightSourcesSchema>;

/** One per origin the Stage accepts Freight from. */
export const FreightRequestSchema = z.looseObject({
  origin: FreightOriginSchema,
  sources: FreightSourcesSchema,
});
export type FreightRequest = z.infer<typeof FreightRequestSchema>;

export const PromotionTemplateSchema = z.looseObject({
  spec: z.looseObject({
    vars: z.array(ExpressionVariableSchema).optional(),
    steps: z.array(PromotionStepSchema).optional(),
  }),
});
export type PromotionTemplate = z.infer<typeof PromotionTemplateSchema>;

export const VerificationSchema = z.looseObject({
  analysisTemplates: z
    .array(
      z.looseObject({
        name: z.string(),
        kind: z.enum(['AnalysisTemplate', 'ClusterAnalysisTemplate']).optional(),
      }),
    )
    .optional(),
  analysisRunMetadata: z
    .looseObject({
      labels: z.record(z.string(), z.string()).optional(),
      annotations: z.record(z.string(), z.string()).optional(),
    })
    .optional(),
  args: z.array(z.looseObject({ name: z.string(), value: z.string() })).optional(),
});
export type Verification = z.infer<typeof VerificationSchema>;

export const StageSpecSchema = z.looseObject({
  shard: z.string().optional(),
  vars: z.array(ExpressionVariableSchema).optional(),
  requestedFreight: z.array(FreightRequestSchema),
  promotionTemplate: PromotionTemplateSchema.optional(),
  verification: VerificationSchema.optional(),
});
export type StageSpec = z.infer<typeof StageSpecSchema>;

export const PromotionReferenceSchema = z.looseObject({
  name: z.string(),
  freight: FreightReferenceSchema.optional(),
  status: PromotionStatusSchema.optional(),
  finishedAt: z.string().optional(),
});
export type PromotionReference = z.infer<typeof PromotionReferenceSchema>;

export const AutoPromotionHoldSchema = z.looseObject({
  freightName: z.string(),
  origin: FreightOriginSchema,
  promotionName: z.string().optional(),
  actor: z.string().optional(),
  createdAt: z.string().optional(),
});
export type AutoPromotionHold = z.infer<typeof AutoPromotionHoldSchema>;

/** Health status values Kargo reports. */
export const STAGE_HEALTH_STATUSES = [
  'Healthy',
  'Unhealthy',
  'Progressing',
  'Unknown',
  'NotApplicable',
] as const;
export type StageHealthStatus = (typeof STAGE_HEALTH_STATUSES)[number];

export const StageHealthSchema = z.looseObject({
  status: z.string().optional(),
  issues: z.array(z.string()).optional(),
  config: z.unknown().optional(),
  output: z.unknown().optional(),
});
export type StageHealth = z.infer<typeof StageHealthSchema>;

export const StageStatusSchema = z.looseObject({
  conditions: z.array(ConditionSchema).optional(),
  lastHandledRefresh: z.string().optional(),
  /** Newest first, at most 10 entries. */
  freightHistory: z.array(FreightCollectionSchema).optional(),
  freightSummary: z.string().optional(),
  health: StageHealthSchema.optional(),
  observedGeneration: z.number().int().optional(),
  currentPromotion: PromotionReferenceSchema.optional(),
  lastPromotion: PromotionReferenceSchema.optional(),
  autoPromotionEnabled: z.boolean().optional(),
  /** Keyed `Warehouse/<name>`. */
  autoPromotionHolds: z.record(z.string(), AutoPromotionHoldSchema).optional(),
  effectiveAutoPromotionHolds: z.record(z.string(), AutoPromotionHoldSchema).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});
export type StageStatus = z.infer<typeof StageStatusSchema>;

export const StageSchema = z.looseObject({
  apiVersion: z.string().optional(),
  kind: z.literal('Stage').optional(),
  metadata: ObjectMetaSchema,
  spec: StageSpecSchema,
  status: StageStatusSchema.optional(),
});
export type Stage = z.infer<typeof StageSchema>;
