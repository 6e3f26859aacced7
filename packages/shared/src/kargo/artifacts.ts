import { z } from 'zod';

/** Where Freight comes from. Kargo only knows Warehouses as origins today. */
export const FreightOriginSchema = z.looseObject({
  kind: z.enum(['Warehouse']),
  name: z.string(),
});
export type FreightOrigin = z.infer<typeof FreightOriginSchema>;

export const GitCommitSchema = z.looseObject({
  repoURL: z.string().optional(),
  id: z.string().optional(),
  branch: z.string().optional(),
  tag: z.string().optional(),
  message: z.string().optional(),
  author: z.string().optional(),
  committer: z.string().optional(),
});
export type GitCommit = z.infer<typeof GitCommitSchema>;

export const ImageSchema = z.looseObject({
  repoURL: z.string().optional(),
  tag: z.string().optional(),
  digest: z.string().optional(),
  annotations: z.record(z.string(), z.string()).optional(),
});
export type Image = z.infer<typeof ImageSchema>;

export const ChartSchema = z.looseObject({
  repoURL: z.string().optional(),
  name: z.string().optional(),
  version: z.string().optional(),
});
export type Chart = z.infer<typeof ChartSchema>;

/** A version of an artifact of a generic (non git/image/chart) subscription. */
export const ArtifactReferenceSchema = z.looseObject({
  artifactType: z.string().optional(),
  subscriptionName: z.string(),
  version: z.string(),
  metadata: z.unknown().optional(),
});
export type ArtifactReference = z.infer<typeof ArtifactReferenceSchema>;

/** The artifacts of one Freight as recorded in Stage and Promotion status. */
export const FreightReferenceSchema = z.looseObject({
  name: z.string().optional(),
  origin: FreightOriginSchema.optional(),
  commits: z.array(GitCommitSchema).optional(),
  images: z.array(ImageSchema).optional(),
  charts: z.array(ChartSchema).optional(),
  artifacts: z.array(ArtifactReferenceSchema).optional(),
});
export type FreightReference = z.infer<typeof FreightReferenceSchema>;

export const VerificationInfoSchema = z.looseObject({
  id: z.string().optional(),
  actor: z.string().optional(),
  startTime: z.string().optional(),
  finishTime: z.string().optional(),
  phase: z.string().optional(),
  message: z.string().optional(),
  analysisRun: z
    .looseObject({ namespace: z.string(), name: z.string(), phase: z.string() })
    .optional(),
});
export type VerificationInfo = z.infer<typeof VerificationInfoSchema>;

/** Freight a Stage holds at once, keyed `Warehouse/<name>` (one entry per origin). */
export const FreightCollectionSchema = z.looseObject({
  id: z.string(),
  items: z.record(z.string(), FreightReferenceSchema).optional(),
  verificationHistory: z.array(VerificationInfoSchema).optional(),
});
export type FreightCollection = z.infer<typeof FreightCollectionSchema>;
