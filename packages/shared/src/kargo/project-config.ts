import { z } from 'zod';
import { ConditionSchema, ObjectMetaSchema } from './meta.js';

export const LabelSelectorRequirementSchema = z.looseObject({
  key: z.string(),
  operator: z.string(),
  values: z.array(z.string()).optional(),
});

/** `name` is an exact name, `glob:<pattern>` or `regex:<pattern>`; labels narrow it further. */
export const StageSelectorSchema = z.looseObject({
  name: z.string().optional(),
  matchLabels: z.record(z.string(), z.string()).optional(),
  matchExpressions: z.array(LabelSelectorRequirementSchema).optional(),
});
export type StageSelector = z.infer<typeof StageSelectorSchema>;

/** Exactly one of `stage` (deprecated) or `stageSelector`. */
export const PromotionPolicySchema = z.looseObject({
  stage: z.string().optional(),
  stageSelector: StageSelectorSchema.optional(),
  autoPromotionEnabled: z.boolean().optional(),
  autoRollback: z
    .looseObject({
      onPromotion: z.array(z.string()).optional(),
      onVerification: z.array(z.string()).optional(),
    })
    .optional(),
});
export type PromotionPolicy = z.infer<typeof PromotionPolicySchema>;

export const LinkSchema = z.looseObject({
  title: z.string(),
  url: z.string(),
  description: z.string().optional(),
  if: z.string().optional(),
});
export type Link = z.infer<typeof LinkSchema>;

/** A webhook receiver: `name` plus one provider key (github, gitlab, generic…) with a secretRef. */
export const WebhookReceiverConfigSchema = z.looseObject({ name: z.string() });
export type WebhookReceiverConfig = z.infer<typeof WebhookReceiverConfigSchema>;

export const ProjectConfigSpecSchema = z.looseObject({
  promotionPolicies: z.array(PromotionPolicySchema).optional(),
  webhookReceivers: z.array(WebhookReceiverConfigSchema).optional(),
  freightLinks: z.array(LinkSchema).optional(),
  stageLinks: z.array(LinkSchema).optional(),
});
export type ProjectConfigSpec = z.infer<typeof ProjectConfigSpecSchema>;

export const ProjectConfigStatusSchema = z.looseObject({
  conditions: z.array(ConditionSchema).optional(),
  observedGeneration: z.number().int().optional(),
  lastHandledRefresh: z.string().optional(),
  webhookReceivers: z
    .array(
      z.looseObject({
        name: z.string().optional(),
        path: z.string().optional(),
        url: z.string().optional(),
      }),
    )
    .optional(),
});
export type ProjectConfigStatus = z.infer<typeof ProjectConfigStatusSchema>;

/** Namespaced; its name equals the project name. */
export const ProjectConfigSchema = z.looseObject({
  apiVersion: z.string().optional(),
  kind: z.literal('ProjectConfig').optional(),
  metadata: ObjectMetaSchema,
  spec: ProjectConfigSpecSchema.optional(),
  status: ProjectConfigStatusSchema.optional(),
});
export type ProjectConfig = z.infer<typeof ProjectConfigSchema>;
