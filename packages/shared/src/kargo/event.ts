import { z } from 'zod';
import { ObjectMetaSchema } from './meta.js';

export const ObjectReferenceSchema = z.looseObject({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  namespace: z.string().optional(),
  name: z.string().optional(),
  uid: z.string().optional(),
  resourceVersion: z.string().optional(),
  fieldPath: z.string().optional(),
});
export type ObjectReference = z.infer<typeof ObjectReferenceSchema>;

/**
 * core/v1 Event as Kargo emits it: `reason` is the Kargo event type (see KARGO_EVENT_REASONS),
 * details live in `event.kargo.akuity.io/*` annotations (see EVENT_ANNOTATIONS).
 */
export const KubeEventSchema = z.looseObject({
  apiVersion: z.string().optional(),
  kind: z.literal('Event').optional(),
  metadata: ObjectMetaSchema,
  involvedObject: ObjectReferenceSchema,
  reason: z.string().optional(),
  message: z.string().optional(),
  type: z.string().optional(),
  source: z
    .looseObject({ component: z.string().optional(), host: z.string().optional() })
    .optional(),
  firstTimestamp: z.string().nullish(),
  lastTimestamp: z.string().nullish(),
  eventTime: z.string().nullish(),
  count: z.number().int().optional(),
  action: z.string().optional(),
  reportingComponent: z.string().optional(),
  reportingInstance: z.string().optional(),
  related: ObjectReferenceSchema.optional(),
});
export type KubeEvent = z.infer<typeof KubeEventSchema>;
