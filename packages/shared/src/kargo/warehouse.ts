import { z } from 'zod';
import { ArtifactReferenceSchema } from './artifacts.js';
import { ConditionSchema, ObjectMetaSchema } from './meta.js';

export const GitSubscriptionSchema = z.looseObject({
  repoURL: z.string(),
  branch: z.string().optional(),
  commitSelectionStrategy: z.string().optional(),
  semverConstraint: z.string().optional(),
  /** Deprecated: Kargo v1.11 fails discovery when set (use allowTagsRegexes). */
  allowTags: z.string().optional(),
  allowTagsRegexes: z.array(z.string()).optional(),
  /** Deprecated: Kargo v1.11 fails discovery when set (use ignoreTagsRegexes). */
  ignoreTags: z.array(z.string()).optional(),
  ignoreTagsRegexes: z.array(z.string()).optional(),
  includePaths: z.array(z.string()).optional(),
  excludePaths: z.array(z.string()).optional(),
  expressionFilter: z.string().optional(),
  discoveryLimit: z.number().int().optional(),
  strictSemvers: z.boolean().optional(),
  insecureSkipTLSVerify: z.boolean().optional(),
});
export type GitSubscription = z.infer<typeof GitSubscriptionSchema>;

export const ImageSubscriptionSchema = z.looseObject({
  repoURL: z.string(),
  imageSelectionStrategy: z.string().optional(),
  constraint: z.string().optional(),
  semverConstraint: z.string().optional(),
  /** Deprecated: Kargo v1.11 fails discovery when set (use allowTagsRegexes). */
  allowTags: z.string().optional(),
  allowTagsRegexes: z.array(z.string()).optional(),
  /** Deprecated: Kargo v1.11 fails discovery when set (use ignoreTagsRegexes). */
  ignoreTags: z.array(z.string()).optional(),
  ignoreTagsRegexes: z.array(z.string()).optional(),
  cacheByTag: z.boolean().optional(),
  platform: z.string().optional(),
  discoveryLimit: z.number().int().optional(),
  strictSemvers: z.boolean().optional(),
  insecureSkipTLSVerify: z.boolean().optional(),
});
export type ImageSubscription = z.infer<typeof ImageSubscriptionSchema>;

export const ChartSubscriptionSchema = z.looseObject({
  repoURL: z.string(),
  name: z.string().optional(),
  semverConstraint: z.string().optional(),
  discoveryLimit: z.number().int().optional(),
  insecureSkipTLSVerify: z.boolean().optional(),
});
export type ChartSubscription = z.infer<typeof ChartSubscriptionSchema>;

/**
 * A subscription to some other kind of artifact, served by a subscriber plugin. Lenient: the CRD
 * keeps subscriptions schemaless, so nothing here is guaranteed.
 */
export const GenericSubscriptionSchema = z.looseObject({
  subscriptionType: z.string().optional(),
  name: z.string().optional(),
  /** Opaque; only its subscriber understands it. */
  config: z.unknown().optional(),
  discoveryLimit: z.number().int().optional(),
});
export type GenericSubscription = z.infer<typeof GenericSubscriptionSchema>;

/**
 * One Warehouse subscription: exactly one type key (`git`, `image`, `chart`, or `subscription`
 * for a generic one); the CRD keeps it schemaless, so unknown keys are preserved.
 */
export const RepoSubscriptionSchema = z.looseObject({
  git: GitSubscriptionSchema.optional(),
  image: ImageSubscriptionSchema.optional(),
  chart: ChartSubscriptionSchema.optional(),
  subscription: GenericSubscriptionSchema.optional(),
});
export type RepoSubscription = z.infer<typeof RepoSubscriptionSchema>;

export const WarehouseSpecSchema = z.looseObject({
  /** Go duration; Kargo defaults it to `5m0s`. */
  interval: z.string().optional(),
  freightCreationPolicy: z.enum(['Automatic', 'Manual']).optional(),
  freightCreationCriteria: z.looseObject({ expression: z.string().optional() }).optional(),
  shard: z.string().optional(),
  subscriptions: z.array(RepoSubscriptionSchema),
});
export type WarehouseSpec = z.infer<typeof WarehouseSpecSchema>;

export const DiscoveredCommitSchema = z.looseObject({
  id: z.string().optional(),
  branch: z.string().optional(),
  tag: z.string().optional(),
  subject: z.string().optional(),
  author: z.string().optional(),
  committer: z.string().optional(),
  creatorDate: z.string().optional(),
});
export type DiscoveredCommit = z.infer<typeof DiscoveredCommitSchema>;

export const DiscoveredImageReferenceSchema = z.looseObject({
  tag: z.string(),
  digest: z.string(),
  annotations: z.record(z.string(), z.string()).optional(),
  createdAt: z.string().optional(),
});
export type DiscoveredImageReference = z.infer<typeof DiscoveredImageReferenceSchema>;

export const DiscoveredArtifactsSchema = z.looseObject({
  discoveredAt: z.string().optional(),
  git: z
    .array(
      z.looseObject({
        repoURL: z.string(),
        commits: z.array(DiscoveredCommitSchema).optional(),
      }),
    )
    .optional(),
  images: z
    .array(
      z.looseObject({
        repoURL: z.string(),
        platform: z.string().optional(),
        references: z.array(DiscoveredImageReferenceSchema).optional(),
      }),
    )
    .optional(),
  charts: z
    .array(
      z.looseObject({
        repoURL: z.string(),
        name: z.string().optional(),
        semverConstraint: z.string().optional(),
        versions: z.array(z.string()).optional(),
      }),
    )
    .optional(),
  results: z
    .array(
      z.looseObject({
        name: z.string(),
        artifactReferences: z.array(ArtifactReferenceSchema).optional(),
      }),
    )
    .optional(),
});
export type DiscoveredArtifacts = z.infer<typeof DiscoveredArtifactsSchema>;

export const WarehouseStatusSchema = z.looseObject({
  conditions: z.array(ConditionSchema).optional(),
  lastHandledRefresh: z.string().optional(),
  observedGeneration: z.number().int().optional(),
  lastFreightID: z.string().optional(),
  discoveredArtifacts: DiscoveredArtifactsSchema.optional(),
});
export type WarehouseStatus = z.infer<typeof WarehouseStatusSchema>;

export const WarehouseSchema = z.looseObject({
  apiVersion: z.string().optional(),
  kind: z.literal('Warehouse').optional(),
  metadata: ObjectMetaSchema,
  spec: WarehouseSpecSchema,
  status: WarehouseStatusSchema.optional(),
});
export type Warehouse = z.infer<typeof WarehouseSchema>;

export type GitDiscoveryResult = NonNullable<DiscoveredArtifacts['git']>[number];
export type ImageDiscoveryResult = NonNullable<DiscoveredArtifacts['images']>[number];
export type ChartDiscoveryResult = NonNullable<DiscoveredArtifacts['charts']>[number];
