import { z } from 'zod';
import { FreightRefSchema, VerificationSchema } from './artifacts.js';
import {
  ConditionSchema,
  FreightOriginSchema,
  HealthStatusSchema,
  OpaqueVersionSchema,
  RefreshStateSchema,
  TimestampSchema,
} from './common.js';

/** Derived in the order the reference gives: Promoting, Verifying, Reconciling, Failed, Ready. */
export const StagePhaseSchema = z.enum([
  'Promoting',
  'Verifying',
  'Reconciling',
  'Failed',
  'Ready',
  'NoFreight',
  'NotReady',
  'Unknown',
]);
export type StagePhase = z.infer<typeof StagePhaseSchema>;

export const RequestedFreightSchema = z.object({
  origin: FreightOriginSchema,
  direct: z.boolean(),
  upstreamStages: z.array(z.string()),
  requiredSoakTime: z.string().optional(),
  availabilityStrategy: z.enum(['All', 'OneOf']),
  selectionPolicy: z.enum(['NewestFreight', 'MatchUpstream']).optional(),
});
export type RequestedFreight = z.infer<typeof RequestedFreightSchema>;

export const AutoPromotionHoldSchema = z.object({
  origin: z.string().describe('`Warehouse/<name>`'),
  freightName: z.string().optional(),
  promotionName: z.string().optional(),
  actor: z.string().optional(),
  createdAt: TimestampSchema.optional(),
});
export type AutoPromotionHold = z.infer<typeof AutoPromotionHoldSchema>;

export const PromotionRefSchema = z.object({
  name: z.string(),
  freight: z.string().optional(),
  phase: z.string().optional(),
  finishedAt: TimestampSchema.optional(),
});
export type PromotionRef = z.infer<typeof PromotionRefSchema>;

export const StageViewSchema = z.object({
  name: z.string(),
  project: z.string(),
  uid: z.string(),
  resourceVersion: OpaqueVersionSchema,
  createdAt: TimestampSchema.optional(),
  description: z.string().optional(),
  color: z.string().optional(),
  phase: StagePhaseSchema,
  health: z.object({ status: HealthStatusSchema, issues: z.array(z.string()) }),
  conditions: z.array(ConditionSchema),
  requestedFreight: z.array(RequestedFreightSchema),
  /** A stage without promotion steps only passes freight on. */
  controlFlow: z.boolean(),
  verificationConfigured: z.boolean(),
  currentFreight: z.array(FreightRefSchema),
  currentPromotion: PromotionRefSchema.optional(),
  lastPromotion: PromotionRefSchema.optional(),
  /** Newest verification of the current freight collection. */
  verification: VerificationSchema.optional(),
  autoPromotion: z.object({
    enabled: z.boolean(),
    holds: z.array(AutoPromotionHoldSchema),
  }),
  refresh: RefreshStateSchema,
});
export type StageView = z.infer<typeof StageViewSchema>;
