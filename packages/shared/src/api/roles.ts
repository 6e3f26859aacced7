import { z } from 'zod';

const RoleName = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be lower-case letters, digits and dashes');

/** An rbac/v1 PolicyRule as Kargo writes them: one apiGroup, one resource, at most one resourceName. */
export const PolicyRuleSchema = z.object({
  apiGroups: z.array(z.string()),
  resources: z.array(z.string()),
  resourceNames: z.array(z.string()).optional(),
  verbs: z.array(z.string()).min(1),
});
export type PolicyRule = z.infer<typeof PolicyRuleSchema>;

/** One OIDC claim and the values that map a user to the role. */
export const RoleClaimSchema = z.object({
  name: z.string().min(1).max(253),
  values: z.array(z.string().min(1)).min(1),
});
export type RoleClaim = z.infer<typeof RoleClaimSchema>;

/** A Kargo role: ServiceAccount + Role + RoleBinding of the same name in a project namespace. */
export const KargoRoleSchema = z.object({
  project: z.string(),
  name: z.string(),
  description: z.string().optional(),
  kargoManaged: z.boolean(),
  readOnlyReason: z.string().optional().describe('Why Wharf will not edit this role'),
  claims: z.array(RoleClaimSchema),
  rules: z.array(PolicyRuleSchema),
  creationTimestamp: z.string().optional(),
});
export type KargoRole = z.infer<typeof KargoRoleSchema>;

export const RoleListSchema = z.object({ items: z.array(KargoRoleSchema) });
export type RoleList = z.infer<typeof RoleListSchema>;

/** A permission as a person states it; the API group is resolved from the resource type. */
export const ResourceDetailsSchema = z.strictObject({
  resourceType: z.string().min(1).max(253),
  resourceName: z.string().max(253).optional(),
  verbs: z.array(z.string().min(1)).min(1),
});
export type ResourceDetails = z.infer<typeof ResourceDetailsSchema>;

export const CreateRoleRequestSchema = z.strictObject({
  name: RoleName,
  description: z.string().max(1024).optional(),
  claims: z.array(RoleClaimSchema).default([]),
  rules: z.array(ResourceDetailsSchema).default([]),
});
export type CreateRoleRequest = z.input<typeof CreateRoleRequestSchema>;

/**
 * Replaces what is given; an omitted field is left as it is. `claims` replaces the values of each
 * claim it names (`[]` removes that claim); claims it does not name are kept untouched.
 */
export const UpdateRoleRequestSchema = z.strictObject({
  description: z.string().max(1024).optional(),
  claims: z.array(RoleClaimSchema.extend({ values: z.array(z.string().min(1)) })).optional(),
  rules: z.array(ResourceDetailsSchema).optional(),
});
export type UpdateRoleRequest = z.infer<typeof UpdateRoleRequestSchema>;

export const ClaimsChangeRequestSchema = z.strictObject({
  claims: z.array(RoleClaimSchema).min(1),
});
export type ClaimsChangeRequest = z.infer<typeof ClaimsChangeRequestSchema>;

export const PermissionsChangeRequestSchema = z.strictObject({
  permissions: ResourceDetailsSchema,
});
export type PermissionsChangeRequest = z.infer<typeof PermissionsChangeRequestSchema>;

export const ApiTokenSchema = z.object({
  name: z.string(),
  role: z.string(),
  createdAt: z.string().optional(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;

export const ApiTokenListSchema = z.object({ items: z.array(ApiTokenSchema) });
export type ApiTokenList = z.infer<typeof ApiTokenListSchema>;

export const CreateApiTokenRequestSchema = z.strictObject({ name: RoleName });
export type CreateApiTokenRequest = z.infer<typeof CreateApiTokenRequestSchema>;

/** Answered once, on create: the token value is never readable again through Wharf. */
export const CreatedApiTokenSchema = ApiTokenSchema.extend({ token: z.string() });
export type CreatedApiToken = z.infer<typeof CreatedApiTokenSchema>;
