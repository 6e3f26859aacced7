import { z } from 'zod';
import { PageQuerySchema, TimestampSchema, pageOf } from './common.js';

export const EventViewSchema = z.object({
  name: z.string(),
  project: z.string(),
  uid: z.string(),
  type: z.string(),
  reason: z.string(),
  message: z.string(),
  time: TimestampSchema.optional(),
  count: z.number().int(),
  involvedObject: z.object({ kind: z.string(), name: z.string() }),
  actor: z.string().optional(),
  stage: z.string().optional(),
  freight: z.string().optional(),
  freightAlias: z.string().optional(),
  promotion: z.string().optional(),
});
export type EventView = z.infer<typeof EventViewSchema>;

/** Newest first. */
export const EventPageSchema = pageOf(EventViewSchema);
export type EventPage = z.infer<typeof EventPageSchema>;

export const EventQuerySchema = PageQuerySchema.extend({
  reason: z.string().optional(),
  stage: z.string().optional(),
  freight: z.string().optional(),
  promotion: z.string().optional(),
});
export type EventQuery = z.infer<typeof EventQuerySchema>;
