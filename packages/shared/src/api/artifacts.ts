import { z } from 'zod';
import { FreightOriginSchema, TimestampSchema } from './common.js';

export const GitCommitSchema = z.object({
  repoURL: z.string(),
  id: z.string().optional(),
  branch: z.string().optional(),
  tag: z.string().optional(),
  message: z.string().optional(),
  author: z.string().optional(),
  committer: z.string().optional(),
});
export type GitCommit = z.infer<typeof GitCommitSchema>;

export const ImageRefSchema = z.object({
  repoURL: z.string(),
  tag: z.string().optional(),
  digest: z.string().optional(),
});
export type ImageRef = z.infer<typeof ImageRefSchema>;

export const ChartRefSchema = z.object({
  repoURL: z.string(),
  name: z.string().optional(),
  version: z.string().optional(),
});
export type ChartRef = z.infer<typeof ChartRefSchema>;

/** A version from a generic (not git, image or chart) warehouse subscription. */
export const GenericArtifactSchema = z.object({
  subscriptionName: z.string(),
  version: z.string(),
  artifactType: z.string().optional(),
});
export type GenericArtifact = z.infer<typeof GenericArtifactSchema>;

/** A piece of freight as a stage or promotion refers to it. */
export const FreightRefSchema = z.object({
  name: z.string(),
  alias: z.string().optional(),
  origin: FreightOriginSchema,
  commits: z.array(GitCommitSchema),
  images: z.array(ImageRefSchema),
  charts: z.array(ChartRefSchema),
  artifacts: z.array(GenericArtifactSchema),
});
export type FreightRef = z.infer<typeof FreightRefSchema>;

export const VerificationSchema = z.object({
  id: z.string(),
  phase: z.string().describe('Pending, Running, Successful, Failed, Error, Aborted, Inconclusive'),
  message: z.string().optional(),
  actor: z.string().optional(),
  startTime: TimestampSchema.optional(),
  finishTime: TimestampSchema.optional(),
  analysisRun: z
    .object({ namespace: z.string(), name: z.string(), phase: z.string().optional() })
    .optional(),
});
export type Verification = z.infer<typeof VerificationSchema>;
