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
  /** One entry per stage that requests this freight's origin. */
  availability: z.array(FreightAvailabilitySchema),
});
export type FreightListItem = z.infer<typeof FreightListItemSchema>;

/** Newest first (discoveredAt, then creation time). */
export const FreightPageSchema = pageOf(FreightListItemSchema);
export type FreightPage = z.infer<typeof FreightPageSchema>;

export const FreightQuerySchema = PageQuerySchema.extend({
  origin: z.string().optional().describe('Warehouse name'),
  stage: z.string().optional().describe('Only freight requested by this stage'),
});
export type FreightQuery = z.infer<typeof FreightQuerySchema>;
