import { z } from 'zod';
import { ConditionSchema, ObjectMetaSchema } from './meta.js';

const CountsSchema = z.looseObject({
  count: z.number().int().optional(),
  health: z.looseObject({ healthy: z.number().int().optional() }).optional(),
});

export const ProjectStatusSchema = z.looseObject({
  conditions: z.array(ConditionSchema).optional(),
  stats: z
    .looseObject({ warehouses: CountsSchema.optional(), stages: CountsSchema.optional() })
    .optional(),
});
export type ProjectStatus = z.infer<typeof ProjectStatusSchema>;

/** Cluster-scoped; its namespace of the same name holds the project's objects. No spec. */
export const ProjectSchema = z.looseObject({
  apiVersion: z.string().optional(),
  kind: z.literal('Project').optional(),
  metadata: ObjectMetaSchema,
  status: ProjectStatusSchema.optional(),
});
export type Project = z.infer<typeof ProjectSchema>;
