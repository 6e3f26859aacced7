import { z } from 'zod';

/** A `{name, value}` variable; an empty value on a PromotionTask marks a required input. */
export const ExpressionVariableSchema = z.looseObject({
  name: z.string(),
  value: z.string().optional(),
});
export type ExpressionVariable = z.infer<typeof ExpressionVariableSchema>;

export const PromotionTaskReferenceSchema = z.looseObject({
  name: z.string(),
  kind: z.enum(['PromotionTask', 'ClusterPromotionTask']).optional(),
});
export type PromotionTaskReference = z.infer<typeof PromotionTaskReferenceSchema>;

export const PromotionStepRetrySchema = z.looseObject({
  timeout: z.string().optional(),
  errorThreshold: z.number().int().optional(),
});

/** A promotion step: one of `uses` (a step runner) or `task` (only in Stage templates). */
export const PromotionStepSchema = z.looseObject({
  uses: z.string().optional(),
  task: PromotionTaskReferenceSchema.optional(),
  as: z.string().optional(),
  if: z.string().optional(),
  continueOnError: z.boolean().optional(),
  retry: PromotionStepRetrySchema.optional(),
  vars: z.array(ExpressionVariableSchema).optional(),
  config: z.unknown().optional(),
});
export type PromotionStep = z.infer<typeof PromotionStepSchema>;
