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
