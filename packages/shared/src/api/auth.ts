import { z } from 'zod';

export const AuthMethodSchema = z.enum(['admin', 'oidc', 'kubernetes-token']);
export type AuthMethod = z.infer<typeof AuthMethodSchema>;

/**
 * State-changing /api calls (POST, PUT, PATCH, DELETE) must carry this header with value `1`.
 * A cross-site form cannot set it, and a cross-site script cannot without a CORS preflight the BFF refuses.
 */
export const CSRF_HEADER = 'x-wharf-csrf';

/** POST /api/v1/auth/login: the admin password, or a Kubernetes bearer token. */
export const LoginRequestSchema = z.union([
  z.strictObject({ password: z.string().min(1).max(1024) }),
  z.strictObject({ token: z.string().min(1).max(16384) }),
]);
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

/** A Kargo role the caller is mapped to (a ServiceAccount whose claims match). */
export const MappedRoleSchema = z.object({
  project: z.string().describe('Project namespace, or the Kargo namespace'),
  name: z.string(),
  serviceAccount: z.string().describe('`system:serviceaccount:<ns>:<name>`'),
  matchedClaims: z
    .record(z.string(), z.array(z.string()))
    .describe('The caller claims (name → values) that matched this role'),
});
export type MappedRole = z.infer<typeof MappedRoleSchema>;

/** GET /api/v1/auth/me: who the caller is, how they signed in, and which roles they map to. */
export const AuthMeSchema = z.object({
  actor: z.string().describe('Kargo actor string, e.g. `admin`, `email:a@x.io`'),
  username: z.string(),
  method: AuthMethodSchema,
  email: z.string().optional(),
  groups: z.array(z.string()),
  roles: z.array(MappedRoleSchema),
  expiresAt: z.string().describe('RFC 3339 time the session ends unless refreshed'),
  refreshAt: z
    .string()
    .optional()
    .describe('OIDC only: POST /api/v1/auth/refresh at or after this time'),
});
export type AuthMe = z.infer<typeof AuthMeSchema>;

/** GET /api/v1/auth/config: which login methods the login page offers. */
export const AuthConfigSchema = z.object({
  password: z.boolean(),
  token: z.boolean(),
  oidc: z.union([z.literal(false), z.object({ loginUrl: z.string() })]),
  csrfHeader: z.literal(CSRF_HEADER),
});
export type AuthConfig = z.infer<typeof AuthConfigSchema>;

/** POST /api/v1/auth/logout: where the browser goes next (the provider's end-session page, or the login page). */
export const LogoutResultSchema = z.object({ redirectTo: z.string() });
export type LogoutResult = z.infer<typeof LogoutResultSchema>;
