import { z } from 'zod';
import {
  ChartRefSchema,
  GenericArtifactSchema,
  GitCommitSchema,
  ImageRefSchema,
} from './artifacts.js';
import {
  FreightOriginSchema,
  OpaqueVersionSchema,
  PageQuerySchema,
  TimestampSchema,
  pageOf,
} from './common.js';

export const FreightViewSchema = z.object({
  name: z.string(),
  project: z.string(),
  uid: z.string(),
  resourceVersion: OpaqueVersionSchema,
  alias: z.string().optional(),
  origin: FreightOriginSchema,
  createdAt: TimestampSchema.optional(),
  discoveredAt: TimestampSchema.optional(),
  commits: z.array(GitCommitSchema),
  images: z.array(ImageRefSchema),
  charts: z.array(ChartRefSchema),
  artifacts: z.array(GenericArtifactSchema),
  currentlyIn: z.array(z.object({ stage: z.string(), since: TimestampSchema.optional() })),
  verifiedIn: z.array(
    z.object({
      stage: z.string(),
      verifiedAt: TimestampSchema.optional(),
      longestSoak: z.string().optional(),
    }),
  ),
  approvedFor: z.array(z.object({ stage: z.string(), approvedAt: TimestampSchema.optional() })),
});
export type FreightView = z.infer<typeof FreightViewSchema>;

/** Whether a stage may be promoted to this freight, and why not when it may not. */
export const FreightAvailabilitySchema = z.object({
  stage: z.string(),
  available: z.boolean(),
  reason: z.string().optional(),
});
export type FreightAvailability = z.infer<typeof FreightAvailabilitySchema>;

export const FreightListItemSchema = FreightViewSchema.extend({
  /**
   * Whether the stages asked about may take this freight now, and why not. In a page: the one
   * stage named by `stage` (empty without it: a project's stages × freight is too much to send).
   * For one freight: every stage that requests its origin.
   */
  availability: z.array(FreightAvailabilitySchema),
});
export type FreightListItem = z.infer<typeof FreightListItemSchema>;

/** A cursor to resume after; `null` when nothing is left. Stable while freight arrives. */
const NextCursorSchema = z
  .string()
  .nullable()
  .describe('Pass as `cursor` to get the freight after this page; null on the last page');

/** Newest first (discoveredAt, then creation time, then name). */
export const FreightPageSchema = pageOf(FreightListItemSchema).extend({
  nextCursor: NextCursorSchema,
});
export type FreightPage = z.infer<typeof FreightPageSchema>;

const flag = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
  .transform((v) => v === true || v === 'true' || v === '1');

/** Filters and paging of a project's freight, the same over REST and the socket. */
export const FreightQuerySchema = PageQuerySchema.extend({
  origin: z.string().optional().describe('Only freight from this warehouse'),
  stage: z
    .string()
    .optional()
    .describe('Only freight of the origins this stage requests; availability is for this stage'),
  q: z
    .string()
    .max(200)
    .optional()
    .describe(
      'Words that must all match: name or commit SHA prefix; alias, tag, version or commit message',
    ),
  inUse: flag.optional().describe('Only freight some stage holds now'),
  availableOnly: flag.optional().describe('With `stage`: only freight that stage may take now'),
  since: TimestampSchema.optional().describe(
    'Only freight discovered (without a discovery time: created) after this time',
  ),
  cursor: z.string().max(400).optional().describe('`nextCursor` of the previous page'),
});
export type FreightQuery = z.infer<typeof FreightQuerySchema>;

/**
 * Freight the live view asks for over the socket: a page (`query`) or some freight by name or
 * alias (`names`). The answer is the freight as the server holds them when it answers; deltas
 * sent after it carry anything newer, so the browser can merge it into its live state.
 */
export const FreightWindowSchema = z.object({
  items: z.array(FreightViewSchema),
  total: z.number().int().nonnegative(),
  nextCursor: NextCursorSchema,
});
export type FreightWindow = z.infer<typeof FreightWindowSchema>;
