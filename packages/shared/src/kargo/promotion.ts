import { z } from 'zod';
import {
  FreightCollectionSchema,
  FreightOriginSchema,
  FreightReferenceSchema,
} from './artifacts.js';
import { ObjectMetaSchema } from './meta.js';
import { ExpressionVariableSchema, PromotionStepSchema } from './steps.js';

/** Promotion phases; the last four are terminal. Kept as plain strings on the wire. */
export const PROMOTION_PHASES = [
  'Pending',
  'Running',
  'Succeeded',
  'Failed',
  'Errored',
  'Aborted',
] as const;
export type PromotionPhase = (typeof PROMOTION_PHASES)[number];
export const TERMINAL_PROMOTION_PHASES: readonly PromotionPhase[] = [
  'Succeeded',
  'Failed',
  'Errored',
  'Aborted',
];

export function isTerminalPromotionPhase(phase: string | undefined): boolean {
  return phase !== undefined && (TERMINAL_PROMOTION_PHASES as readonly string[]).includes(phase);
}

/** Status of one step run; `Skipped` when its `if` was false. */
export const STEP_STATUSES = [
  'Running',
  'Succeeded',
  'Failed',
  'Errored',
  'Aborted',
  'Skipped',
] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const StepExecutionMetadataSchema = z.looseObject({
  alias: z.string().optional(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  errorCount: z.number().int().optional(),
  status: z.string().optional(),
  message: z.string().optional(),
  continueOnError: z.boolean().optional(),
});
export type StepExecutionMetadata = z.infer<typeof StepExecutionMetadataSchema>;

export const HealthCheckStepSchema = z.looseObject({
  uses: z.string(),
  config: z.unknown().optional(),
});

export const PromotionStatusSchema = z.looseObject({
  lastHandledRefresh: z.string().optional(),
  phase: z.string().optional(),
  message: z.string().optional(),
  freight: FreightReferenceSchema.optional(),
  freightCollection: FreightCollectionSchema.optional(),
  healthChecks: z.array(HealthCheckStepSchema).optional(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  currentStep: z.number().int().optional(),
  stepExecutionMetadata: z.array(StepExecutionMetadataSchema).optional(),
  state: z.unknown().optional(),
});
export type PromotionStatus = z.infer<typeof PromotionStatusSchema>;

/**
 * Exactly one of `freight` or `origin` is set (the CRD enforces it). `steps` is required on
 * stored Promotions but absent from the minimal create body the webhook completes.
 */
export const PromotionSpecSchema = z.looseObject({
  stage: z.string(),
  freight: z.string().optional(),
  origin: FreightOriginSchema.optional(),
  vars: z.array(ExpressionVariableSchema).optional(),
  steps: z.array(PromotionStepSchema).optional(),
});
export type PromotionSpec = z.infer<typeof PromotionSpecSchema>;

export const PromotionSchema = z.looseObject({
  apiVersion: z.string().optional(),
  kind: z.literal('Promotion').optional(),
  metadata: ObjectMetaSchema,
  spec: PromotionSpecSchema,
  status: PromotionStatusSchema.optional(),
});
export type Promotion = z.infer<typeof PromotionSchema>;
