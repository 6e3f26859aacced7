import { z } from 'zod';

/** Kubernetes OwnerReference (the fields Wharf reads; the rest are kept). */
export const OwnerReferenceSchema = z.looseObject({
  apiVersion: z.string(),
  kind: z.string(),
  name: z.string(),
  uid: z.string(),
  controller: z.boolean().optional(),
  blockOwnerDeletion: z.boolean().optional(),
});
export type OwnerReference = z.infer<typeof OwnerReferenceSchema>;

/**
 * Minimal metav1.ObjectMeta of a stored object. `name` is required: objects read from the API
 * always have one (create bodies that rely on `generateName` are the wire layer's concern).
 */
export const ObjectMetaSchema = z.looseObject({
  name: z.string(),
  namespace: z.string().optional(),
  generateName: z.string().optional(),
  uid: z.string().optional(),
  resourceVersion: z.string().optional(),
  generation: z.number().int().optional(),
  creationTimestamp: z.string().optional(),
  deletionTimestamp: z.string().optional(),
  labels: z.record(z.string(), z.string()).optional(),
  annotations: z.record(z.string(), z.string()).optional(),
  ownerReferences: z.array(OwnerReferenceSchema).optional(),
  finalizers: z.array(z.string()).optional(),
});
export type ObjectMeta = z.infer<typeof ObjectMetaSchema>;

export const ConditionStatusSchema = z.enum(['True', 'False', 'Unknown']);
export type ConditionStatus = z.infer<typeof ConditionStatusSchema>;

/** metav1.Condition. reason/message/lastTransitionTime are required by the CRDs but read leniently. */
export const ConditionSchema = z.looseObject({
  type: z.string(),
  status: ConditionStatusSchema,
  reason: z.string().optional(),
  message: z.string().optional(),
  lastTransitionTime: z.string().optional(),
  observedGeneration: z.number().int().optional(),
});
export type Condition = z.infer<typeof ConditionSchema>;

/** Metadata of a list response; resourceVersion is opaque (never compare it numerically). */
export const ListMetaSchema = z.looseObject({
  resourceVersion: z.string().optional(),
  continue: z.string().optional(),
  remainingItemCount: z.number().int().optional(),
});
export type ListMeta = z.infer<typeof ListMetaSchema>;

/** Schema of a Kubernetes list (`{apiVersion, kind, metadata, items}`) of the given item schema. */
export function listSchema<T extends z.ZodType>(item: T) {
  return z.looseObject({
    apiVersion: z.string().optional(),
    kind: z.string().optional(),
    metadata: ListMetaSchema.optional(),
    items: z.array(item),
  });
}
