import { z } from 'zod';
import { KubeNameSchema } from '../api/names.js';

/**
 * Kargo's credential Secrets: label `kargo.akuity.io/cred-type` = git | helm | image (repository
 * credentials, data keys `repoURL`, `repoURLIsRegex`, `username`, `password`) or generic (any
 * keys). Kargo looks in the project namespace first, then the shared namespace.
 */
export const CRED_TYPE_LABEL = 'kargo.akuity.io/cred-type';
export const REPO_CREDENTIAL_TYPES = ['git', 'helm', 'image'] as const;
export const CredentialTypeSchema = z.enum([...REPO_CREDENTIAL_TYPES, 'generic']);
export type CredentialType = z.infer<typeof CredentialTypeSchema>;

/** The data keys Kargo reads from a repository credential Secret. */
export const CREDENTIAL_KEYS = {
  repoURL: 'repoURL',
  repoURLIsRegex: 'repoURLIsRegex',
  username: 'username',
  password: 'password',
} as const;

/**
 * What the browser may know of a credential: never a value. `repoURL` is the matching rule Kargo
 * applies (not a secret); `keys` names the data keys that are set.
 */
export const CredentialViewSchema = z.object({
  name: z.string(),
  namespace: z.string(),
  type: CredentialTypeSchema,
  repoURL: z.string().optional(),
  repoURLIsRegex: z.boolean(),
  description: z.string().optional(),
  keys: z.array(z.string()),
  createdAt: z.string().optional(),
  /** Newest write recorded by Kubernetes (managedFields), else creation time. */
  updatedAt: z.string().optional(),
});
export type CredentialView = z.infer<typeof CredentialViewSchema>;

export const CredentialListSchema = z.object({
  namespace: z.string(),
  items: z.array(CredentialViewSchema),
});
export type CredentialList = z.infer<typeof CredentialListSchema>;

const secretValue = z.string().max(64 * 1024);
const description = z.string().max(1024).optional();

/** Repository credential: git/helm/image, matched by exact URL or by a regular expression. */
export const RepoCredentialInputSchema = z.strictObject({
  type: z.enum(REPO_CREDENTIAL_TYPES),
  repoURL: z.string().min(1).max(2048),
  repoURLIsRegex: z.boolean().optional(),
  username: secretValue.min(1),
  password: secretValue.min(1),
  description,
});

export const GenericCredentialInputSchema = z.strictObject({
  type: z.literal('generic'),
  data: z
    .record(
      z.string().regex(/^[-._a-zA-Z0-9]+$/, 'keys are letters, digits, "-", "_" and "."'),
      secretValue,
    )
    .refine((d) => Object.keys(d).length > 0, 'a generic secret needs at least one key'),
  description,
});

/** POST body: a new credential Secret. Values travel one way, to Kubernetes. */
export const CredentialCreateRequestSchema = z.discriminatedUnion('type', [
  RepoCredentialInputSchema.extend({ name: KubeNameSchema }),
  GenericCredentialInputSchema.extend({ name: KubeNameSchema }),
]);
export type CredentialCreateRequest = z.infer<typeof CredentialCreateRequestSchema>;

/**
 * PUT body: replaces a credential. Leaving `username`/`password` out keeps the stored value; for
 * generic secrets, `keep` names keys whose stored values stay, every other key is replaced by `data`.
 */
export const CredentialReplaceRequestSchema = z.discriminatedUnion('type', [
  RepoCredentialInputSchema.extend({
    username: secretValue.min(1).optional(),
    password: secretValue.min(1).optional(),
  }),
  GenericCredentialInputSchema.extend({
    data: z.record(z.string().regex(/^[-._a-zA-Z0-9]+$/), secretValue),
    keep: z.array(z.string()).optional(),
  }),
]);
export type CredentialReplaceRequest = z.infer<typeof CredentialReplaceRequestSchema>;

export const CredentialResultSchema = z.object({ credential: CredentialViewSchema });
export type CredentialResult = z.infer<typeof CredentialResultSchema>;
