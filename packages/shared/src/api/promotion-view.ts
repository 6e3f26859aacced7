import { z } from 'zod';
import { FreightOriginSchema, OpaqueVersionSchema, TimestampSchema, listOf } from './common.js';

export const PromotionPhaseSchema = z.enum([
  'Pending',
  'Running',
  'Succeeded',
  'Failed',
  'Errored',
  'Aborted',
]);
export type PromotionPhase = z.infer<typeof PromotionPhaseSchema>;

export const PromotionStepViewSchema = z.object({
  alias: z.string(),
  uses: z.string().optional(),
  task: z.string().optional(),
  status: z.string().optional(),
  message: z.string().optional(),
  startedAt: TimestampSchema.optional(),
  finishedAt: TimestampSchema.optional(),
  errorCount: z.number().int().optional(),
  /** The step's spec.steps[i].config as written (expressions unevaluated); Kargo keeps no secrets here. */
  config: z.record(z.string(), z.unknown()).optional(),
  /** What the step wrote to status.state under its alias, once it ran. */
  output: z.record(z.string(), z.unknown()).optional(),
});
export type PromotionStepView = z.infer<typeof PromotionStepViewSchema>;

export const PromotionViewSchema = z.object({
  name: z.string(),
  project: z.string(),
  uid: z.string(),
  resourceVersion: OpaqueVersionSchema,
  stage: z.string(),
  freight: z.string().optional(),
  freightAlias: z.string().optional(),
  origin: FreightOriginSchema.optional(),
  phase: PromotionPhaseSchema,
  terminal: z.boolean(),
  message: z.string().optional(),
  actor: z.string().optional(),
  createdAt: TimestampSchema.optional(),
  startedAt: TimestampSchema.optional(),
  finishedAt: TimestampSchema.optional(),
  currentStep: z.number().int().optional(),
  steps: z.array(PromotionStepViewSchema),
  abortRequested: z.boolean(),
});
export type PromotionView = z.infer<typeof PromotionViewSchema>;

/** Newest first. */
export const PromotionListSchema = listOf(PromotionViewSchema);
export type PromotionList = z.infer<typeof PromotionListSchema>;

/**
 * Promotions asked for over a project room's socket (a stage's, or some by name), newest first,
 * as the server holds them when it answers; deltas sent after it carry anything newer, so the
 * browser can merge it into its live state.
 */
export const PromotionWindowSchema = z.object({ items: z.array(PromotionViewSchema) });
export type PromotionWindow = z.infer<typeof PromotionWindowSchema>;

export const PromotionQuerySchema = z.object({ stage: z.string().optional() });
export type PromotionQuery = z.infer<typeof PromotionQuerySchema>;
