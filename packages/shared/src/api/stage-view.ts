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

/** A freight the stage holds now, and since when (the freight's `status.currentlyIn`). */
export const HeldFreightSchema = FreightRefSchema.extend({ since: TimestampSchema.optional() });
export type HeldFreight = z.infer<typeof HeldFreightSchema>;

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

/** An Argo CD Application the stage deploys through, from Kargo's argocd-context and health output. */
export const ArgoCdAppSchema = z.object({
  name: z.string(),
  namespace: z.string(),
  health: z.string().optional().describe('Argo CD health: Healthy, Progressing, Degraded…'),
  healthMessage: z.string().optional(),
  sync: z.string().optional().describe('Argo CD sync status: Synced, OutOfSync, Unknown'),
  url: z.string().optional().describe('The application in Argo CD, when its URL is configured'),
});
export type ArgoCdApp = z.infer<typeof ArgoCdAppSchema>;

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
  /** `kargo.akuity.io/color` resolved to `#rrggbb` (Kargo stores palette names such as `violet`). */
  color: z.string().optional(),
  phase: StagePhaseSchema,
  health: z.object({ status: HealthStatusSchema, issues: z.array(z.string()) }),
  conditions: z.array(ConditionSchema),
  requestedFreight: z.array(RequestedFreightSchema),
  /** A stage without promotion steps only passes freight on; Kargo refuses promotions to it. */
  controlFlow: z.boolean(),
  argocdApps: z.array(ArgoCdAppSchema),
  verificationConfigured: z.boolean(),
  currentFreight: z.array(HeldFreightSchema),
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

/**
 * A stage as the project room sends it (snapshot and deltas): its view without `conditions`,
 * which only the stage drawer shows and asks for with the whole view (`GET` one stage). They were
 * a third of a 3,000-stage snapshot's text, parsed on every open.
 */
export const RoomStageViewSchema = StageViewSchema.omit({ conditions: true });
export type RoomStageView = z.infer<typeof RoomStageViewSchema>;
