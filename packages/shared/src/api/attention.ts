import { z } from 'zod';
import { ATTENTION_KINDS, type AttentionItem } from '../domain/attention.js';
import { PartialErrorSchema, TimestampSchema } from './common.js';
import { EventViewSchema } from './event-view.js';
import { ProjectNameSchema } from './names.js';

export const AttentionKindSchema = z.enum(ATTENTION_KINDS);

export const AttentionActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('retry-promotion'), stage: z.string(), freight: z.string() }),
  z.object({ type: z.literal('reverify'), stage: z.string() }),
  z.object({ type: z.literal('refresh-stage'), stage: z.string() }),
  z.object({ type: z.literal('refresh-warehouse'), warehouse: z.string() }),
  z.object({ type: z.literal('abort-promotion'), promotion: z.string() }),
  z.object({ type: z.literal('resume-auto-promotion'), stage: z.string(), origin: z.string() }),
  z.object({ type: z.literal('approve'), stage: z.string(), freight: z.string() }),
]);

/** One thing that needs a person, with the action that helps (see `attentionOf`). */
export const AttentionItemSchema = z.object({
  id: z.string(),
  project: z.string(),
  kind: AttentionKindSchema,
  severity: z.enum(['error', 'warning', 'info']),
  title: z.string(),
  detail: z.string().optional(),
  since: TimestampSchema.optional(),
  stage: z.string().optional(),
  warehouse: z.string().optional(),
  promotion: z.string().optional(),
  freight: z.string().optional(),
  freightAlias: z.string().optional(),
  step: z.object({ index: z.number().int().nonnegative(), alias: z.string() }).optional(),
  actor: z.string().optional(),
  action: AttentionActionSchema.optional(),
}) satisfies z.ZodType<AttentionItem>;

/**
 * Everything that needs attention in the projects the caller may see, plus the newest of their
 * Kargo events (who promoted what where). `projects` names the projects looked at.
 */
export const AttentionSnapshotSchema = z.object({
  items: z.array(AttentionItemSchema),
  activity: z.array(EventViewSchema),
  projects: z.array(z.string()),
  /** A running promotion older than this many minutes is listed as slow. */
  slowPromotionMinutes: z.number().nonnegative(),
  errors: z.array(PartialErrorSchema),
});
export type AttentionSnapshot = z.infer<typeof AttentionSnapshotSchema>;

const csv = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .max(4000)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(item).max(200));

/** GET /api/v1/attention: filters by project and kind (comma-separated), as the page's URL does. */
export const AttentionQuerySchema = z.object({
  project: csv(ProjectNameSchema).optional().describe('Only these projects (comma-separated)'),
  kind: csv(AttentionKindSchema).optional().describe('Only these kinds (comma-separated)'),
  activity: z.coerce
    .number()
    .int()
    .min(0)
    .max(200)
    .default(30)
    .describe('How many recent events to include'),
});
export type AttentionQuery = z.infer<typeof AttentionQuerySchema>;

/** A project's items now, replacing what the client held for it (they are few per project). */
export const AttentionDeltaSchema = z.object({
  project: z.string(),
  items: z.array(AttentionItemSchema),
});
export type AttentionDelta = z.infer<typeof AttentionDeltaSchema>;

/** New or updated Kargo events of a project the socket watches, newest first. */
export const ActivityDeltaSchema = z.object({
  project: z.string(),
  events: z.array(EventViewSchema),
});
export type ActivityDelta = z.infer<typeof ActivityDeltaSchema>;
