import { z } from 'zod';
import { FieldCauseSchema, KubeObjectSchema } from './objects.js';
import { CredentialCreateRequestSchema } from './credentials.js';

/**
 * POST /api/v1/projects: a whole project in one go. `project` is the Project manifest; `objects`
 * are namespaced objects of its namespace (ProjectConfig, Warehouses, Stages, PromotionTasks,
 * ConfigMaps), created in the order given after the credentials. Everything is validated by
 * Kubernetes before anything is kept; if one object is refused, what was created is removed.
 */
export const CreateProjectRequestSchema = z.strictObject({
  project: KubeObjectSchema,
  credentials: z.array(CredentialCreateRequestSchema).max(50).default([]),
  objects: z.array(KubeObjectSchema).max(500).default([]),
});
export type CreateProjectRequest = z.input<typeof CreateProjectRequestSchema>;

/** Which part of the request a refusal is about: the project, `credentials[i]` or `objects[i]`. */
export const WizardPartSchema = z.union([
  z.object({ part: z.literal('project') }),
  z.object({ part: z.literal('credentials'), index: z.number().int().nonnegative() }),
  z.object({ part: z.literal('objects'), index: z.number().int().nonnegative() }),
]);
export type WizardPart = z.infer<typeof WizardPartSchema>;

export const CreatedRefSchema = z.object({
  kind: z.string(),
  name: z.string(),
  namespace: z.string().optional(),
});
export type CreatedRef = z.infer<typeof CreatedRefSchema>;

export const CreateProjectResultSchema = z.object({
  project: z.string(),
  created: z.array(CreatedRefSchema),
});
export type CreateProjectResult = z.infer<typeof CreateProjectResultSchema>;

/** `error.details` when Kubernetes refused part of the project: nothing of it is left behind. */
export const CreateProjectRefusalSchema = z.object({
  failed: WizardPartSchema.and(
    z.object({ kind: z.string(), name: z.string(), causes: z.array(FieldCauseSchema) }),
  ),
  rolledBack: z.array(CreatedRefSchema),
  /** Objects that could not be removed again (the user must remove them). */
  leftBehind: z.array(CreatedRefSchema),
});
export type CreateProjectRefusal = z.infer<typeof CreateProjectRefusalSchema>;
