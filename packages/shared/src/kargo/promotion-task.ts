import { z } from 'zod';
import { ObjectMetaSchema } from './meta.js';
import { ExpressionVariableSchema, PromotionStepSchema } from './steps.js';

/** `vars` with an empty value are inputs the caller must supply. */
export const PromotionTaskSpecSchema = z.looseObject({
  vars: z.array(ExpressionVariableSchema).optional(),
  steps: z.array(PromotionStepSchema),
});
export type PromotionTaskSpec = z.infer<typeof PromotionTaskSpecSchema>;

export const PromotionTaskSchema = z.looseObject({
  apiVersion: z.string().optional(),
  kind: z.literal('PromotionTask').optional(),
  metadata: ObjectMetaSchema,
  spec: PromotionTaskSpecSchema,
});
export type PromotionTask = z.infer<typeof PromotionTaskSchema>;

/** Cluster-scoped twin of PromotionTask. */
export const ClusterPromotionTaskSchema = z.looseObject({
  apiVersion: z.string().optional(),
  kind: z.literal('ClusterPromotionTask').optional(),
  metadata: ObjectMetaSchema,
  spec: PromotionTaskSpecSchema,
});
export type ClusterPromotionTask = z.infer<typeof ClusterPromotionTaskSchema>;
