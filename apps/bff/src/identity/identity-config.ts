import { z } from 'zod';
import { normalizePublicUrl } from '../ops/public-url.js';

const csv = z
  .string()
  .optional()
  .transform((s) =>
    (s ?? '')
      .split(/[\s,]+/)
      .map((v) => v.trim())
      .filter(Boolean),
  );

/** Identity settings, read from the environment once at start; a bad value fails fast with a readable list. */
export const IdentityEnvSchema = z
  .object({
    WHARF_ADMIN_PASSWORD: z
      .string()
      .min(8, 'use at least 8 characters')
      .optional()
      .describe('Admin password; when unset one is generated at first start and printed once'),
    WHARF_SESSION_KEY: z
      .string()
      .min(32, 'use at least 32 random characters')
      .optional()
      .describe(
        "Secret that seals session cookies (several, comma-separated, newest first, to rotate); unset: kept in Secret `wharf-secret` of Wharf's namespace, shared by replicas",
      ),
    WHARF_PUBLIC_URL: z
      .url('must be an absolute http(s) URL, e.g. https://wharf.example.com')
      .optional()
      .describe(
        'URL browsers use to reach Wharf, e.g. https://ops.example.com/wharf/; its path is where Wharf serves everything',
      ),
    WHARF_OIDC_ISSUER: z
      .url('must be the issuer URL of the OIDC provider')
      .optional()
      .describe('OIDC issuer URL; enables single sign-on (needs WHARF_PUBLIC_URL)'),
    WHARF_OIDC_CLIENT_ID: z.string().min(1).optional().describe('OIDC client id'),
    WHARF_OIDC_CLIENT_SECRET: z
      .string()
      .min(1)
      .optional()
      .describe('OIDC client secret (unset: a public client with PKCE only)'),
    WHARF_OIDC_SCOPES: z
      .string()
      .default('openid profile email groups offline_access')
      .describe('Scopes asked of the OIDC provider'),
    WHARF_OIDC_USERNAME_CLAIM: z
      .string()
      .min(1)
      .default('email')
      .describe('ID token claim shown as the user name'),
    WHARF_GLOBAL_ROLE_NAMESPACES: csv.describe(
      "Namespaces whose ServiceAccounts' claims map OIDC users everywhere, like Kargo's own namespace (comma-separated)",
    ),
    WHARF_ADMIN_IMPERSONATE_USER: z
      .string()
      .min(1)
      .optional()
      .describe("Kubernetes user the admin acts as (unset: the BFF's own identity)"),
    WHARF_SESSION_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .max(604800)
      .default(28800)
      .describe('How long a session cookie lasts'),
    WHARF_LOGIN_RATE_LIMIT: z.coerce
      .number()
      .int()
      .min(1)
      .max(10000)
      .default(10)
      .describe(
        'Failed sign-in attempts per client address per minute, per replica (N replicas: up to N× in all), and refreshes per sign-in per minute',
      ),
  })
  .superRefine((env, ctx) => {
    const oidc = [env.WHARF_OIDC_ISSUER, env.WHARF_OIDC_CLIENT_ID].filter(Boolean).length;
    if (oidc === 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['WHARF_OIDC_CLIENT_ID'],
        message: 'set both WHARF_OIDC_ISSUER and WHARF_OIDC_CLIENT_ID, or neither',
      });
    }
    if (env.WHARF_OIDC_ISSUER && !isSecureOrLoopback(env.WHARF_OIDC_ISSUER)) {
      ctx.addIssue({
        code: 'custom',
        path: ['WHARF_OIDC_ISSUER'],
        message: 'must be https (plain http only for a provider on this machine)',
      });
    }
    if (oidc === 2 && !env.WHARF_PUBLIC_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['WHARF_PUBLIC_URL'],
        message: 'OIDC needs the URL browsers use to reach Wharf, to build the redirect URI',
      });
    }
  });

function isSecureOrLoopback(url: string): boolean {
  const u = new URL(url);
  return u.protocol === 'https:' || ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
}

export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret?: string;
  scopes: string;
  usernameClaim: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
}

export interface IdentityConfig {
  adminPassword?: string;
  sessionKey?: string;
  /** WHARF_PUBLIC_URL, its path ending in `/`. */
  publicUrl?: URL;
  oidc?: OidcSettings;
  globalRoleNamespaces: string[];
  adminImpersonateUser?: string;
  sessionTtlSeconds: number;
  /** Sign-in attempts (login, OIDC start and callback, refresh) per client address per minute. */
  loginRateLimit: number;
}

export function loadIdentityConfig(env: NodeJS.ProcessEnv = process.env): IdentityConfig {
  const parsed = IdentityEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid identity configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const publicUrl = e.WHARF_PUBLIC_URL ? normalizePublicUrl(e.WHARF_PUBLIC_URL) : undefined;
  return {
    ...(e.WHARF_ADMIN_PASSWORD ? { adminPassword: e.WHARF_ADMIN_PASSWORD } : {}),
    ...(e.WHARF_SESSION_KEY ? { sessionKey: e.WHARF_SESSION_KEY } : {}),
    ...(publicUrl ? { publicUrl } : {}),
    ...(e.WHARF_OIDC_ISSUER && e.WHARF_OIDC_CLIENT_ID && publicUrl
      ? {
          oidc: {
            issuer: new URL(e.WHARF_OIDC_ISSUER),
            clientId: e.WHARF_OIDC_CLIENT_ID,
            ...(e.WHARF_OIDC_CLIENT_SECRET ? { clientSecret: e.WHARF_OIDC_CLIENT_SECRET } : {}),
            scopes: e.WHARF_OIDC_SCOPES,
            usernameClaim: e.WHARF_OIDC_USERNAME_CLAIM,
            redirectUri: new URL('api/v1/auth/oidc/callback', publicUrl).href,
            postLogoutRedirectUri: new URL('login', publicUrl).href,
          },
        }
      : {}),
    globalRoleNamespaces: e.WHARF_GLOBAL_ROLE_NAMESPACES,
    ...(e.WHARF_ADMIN_IMPERSONATE_USER
      ? { adminImpersonateUser: e.WHARF_ADMIN_IMPERSONATE_USER }
      : {}),
    sessionTtlSeconds: e.WHARF_SESSION_TTL_SECONDS,
    loginRateLimit: e.WHARF_LOGIN_RATE_LIMIT,
  };
}
