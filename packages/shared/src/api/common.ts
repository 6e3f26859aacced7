import { z } from 'zod';

/** RFC 3339 time as Kubernetes writes it; kept a string so it survives the wire unchanged. */
export const TimestampSchema = z.string().describe('RFC 3339 time');

/**
 * Kubernetes resourceVersion or a BFF room version: an opaque token.
 * Compare only for equality, never numerically.
 */
export const OpaqueVersionSchema = z.string().describe('Opaque version; compare for equality only');

export const ObjectRefSchema = z.object({
  kind: z.string(),
  name: z.string(),
  namespace: z.string().optional(),
});
export type ObjectRef = z.infer<typeof ObjectRefSchema>;

/** Where freight comes from; Kargo only knows `Warehouse` today. */
export const FreightOriginSchema = z.object({ kind: z.string(), name: z.string() });
export type FreightOrigin = z.infer<typeof FreightOriginSchema>;

export const ConditionSchema = z.object({
  type: z.string(),
  status: z.enum(['True', 'False', 'Unknown']),
  reason: z.string().optional(),
  message: z.string().optional(),
  lastTransitionTime: TimestampSchema.optional(),
});
export type Condition = z.infer<typeof ConditionSchema>;

export const HealthStatusSchema = z.enum([
  'Healthy',
  'NotApplicable',
  'Progressing',
  'Unknown',
  'Unhealthy',
]);
export type HealthStatus = z.infer<typeof HealthStatusSchema>;

/** The error body of every failed REST call, and of a failed socket ack. */
export const ApiErrorBodySchema = z.object({
  name: z.string().describe('InputError, NotFoundError, ForbiddenError, ConflictError, …'),
  message: z.string().describe('What went wrong and how to fix it, for a person'),
  details: z.unknown().optional(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;

export const ApiErrorSchema = z.object({
  error: ApiErrorBodySchema,
  request: z.string().describe('Request id, also in the server log'),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

/** One part of a multi-kind view that could not be read; the rest is still answered. */
export const PartialErrorSchema = z.object({
  kind: z.string(),
  message: z.string(),
});
export type PartialError = z.infer<typeof PartialErrorSchema>;

/** `{items, errors}`: what could be read, plus what could not. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), errors: z.array(PartialErrorSchema) });
}

/** Offset paging: `nextOffset` is null on the last page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().nonnegative(),
    offset: z.number().int().nonnegative(),
    limit: z.number().int().positive(),
    nextOffset: z.number().int().nonnegative().nullable(),
    errors: z.array(PartialErrorSchema),
  });
}

export const PageQuerySchema = z.object({
  offset: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

/** Refresh state of an object: pending from the moment it is requested until the controller handles it. */
export const RefreshStateSchema = z.object({
  requestedAt: TimestampSchema.optional(),
  lastHandledAt: TimestampSchema.optional(),
  pending: z.boolean(),
});
export type RefreshState = z.infer<typeof RefreshStateSchema>;
