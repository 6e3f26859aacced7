import { z } from 'zod';
import {
  ArtifactReferenceSchema,
  ChartSchema,
  FreightOriginSchema,
  GitCommitSchema,
  ImageSchema,
} from './artifacts.js';
import { ObjectMetaSchema } from './meta.js';

export const FreightStatusSchema = z.looseObject({
  /** Stages that hold this Freight now, with the time they started holding it. */
  currentlyIn: z.record(z.string(), z.looseObject({ since: z.string().optional() })).optional(),
  /** Stages that verified it; `longestSoak` is the longest completed stay (Go duration). */
  verifiedIn: z
    .record(
      z.string(),
      z.looseObject({ verifiedAt: z.string().optional(), longestSoak: z.string().optional() }),
    )
    .optional(),
  /** Stages it was manually approved for. */
  approvedFor: z
    .record(z.string(), z.looseObject({ approvedAt: z.string().optional() }))
    .optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});
export type FreightStatus = z.infer<typeof FreightStatusSchema>;

/** Freight: artifacts are top-level fields (there is no `spec`); origin and artifacts are immutable. */
export const FreightSchema = z.looseObject({
  apiVersion: z.string().optional(),
  kind: z.literal('Freight').optional(),
  metadata: ObjectMetaSchema,
  alias: z.string().optional(),
  discoveredAt: z.string().optional(),
  origin: FreightOriginSchema,
  commits: z.array(GitCommitSchema).optional(),
  images: z.array(ImageSchema).optional(),
  charts: z.array(ChartSchema).optional(),
  artifacts: z.array(ArtifactReferenceSchema).optional(),
  status: FreightStatusSchema.optional(),
});
export type Freight = z.infer<typeof FreightSchema>;
