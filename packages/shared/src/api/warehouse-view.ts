import { z } from 'zod';
import {
  ConditionSchema,
  OpaqueVersionSchema,
  RefreshStateSchema,
  TimestampSchema,
} from './common.js';

export const SubscriptionViewSchema = z.object({
  type: z.enum(['git', 'image', 'chart', 'other']),
  repoURL: z.string().optional(),
  name: z.string().optional(),
  /** Branch, constraint or strategy, whichever says most about what is picked. */
  detail: z.string().optional(),
});
export type SubscriptionView = z.infer<typeof SubscriptionViewSchema>;

export const WarehouseViewSchema = z.object({
  name: z.string(),
  project: z.string(),
  uid: z.string(),
  resourceVersion: OpaqueVersionSchema,
  createdAt: TimestampSchema.optional(),
  description: z.string().optional(),
  interval: z.string(),
  freightCreationPolicy: z.enum(['Automatic', 'Manual']),
  subscriptions: z.array(SubscriptionViewSchema),
  health: z.enum(['Healthy', 'Unhealthy', 'Reconciling', 'Unknown']),
  message: z.string().optional(),
  conditions: z.array(ConditionSchema),
  lastFreightID: z.string().optional(),
  discoveredAt: TimestampSchema.optional(),
  refresh: RefreshStateSchema,
});
export type WarehouseView = z.infer<typeof WarehouseViewSchema>;

/** GET …/warehouses/{warehouse}/discovered-artifacts: `status.discoveredArtifacts`, newest first. */
export const DiscoveredArtifactsViewSchema = z.object({
  warehouse: z.string(),
  discoveredAt: TimestampSchema.optional(),
  images: z.array(
    z.object({
      repoURL: z.string(),
      platform: z.string().optional(),
      references: z.array(
        z.object({ tag: z.string(), digest: z.string(), createdAt: TimestampSchema.optional() }),
      ),
    }),
  ),
  git: z.array(
    z.object({
      repoURL: z.string(),
      commits: z.array(
        z.object({
          id: z.string().optional(),
          branch: z.string().optional(),
          tag: z.string().optional(),
          subject: z.string().optional(),
          author: z.string().optional(),
          creatorDate: TimestampSchema.optional(),
        }),
      ),
    }),
  ),
  charts: z.array(
    z.object({ repoURL: z.string(), name: z.string().optional(), versions: z.array(z.string()) }),
  ),
  /** Generic subscriptions (`subscriptions[].subscription`), by subscription name. */
  generic: z.array(
    z.object({
      subscriptionName: z.string(),
      versions: z.array(z.object({ version: z.string(), artifactType: z.string().optional() })),
    }),
  ),
});
export type DiscoveredArtifactsView = z.infer<typeof DiscoveredArtifactsViewSchema>;
