import { parseGoDuration } from '@wharf/shared';
import { z } from 'zod';
import { parseTrustProxy, type TrustProxy } from './ops/trust-proxy.js';

const flag = z.enum(['0', '1', '']).default('');

/**
 * The BFF's own settings, checked once at start so a typo fails fast with a readable list.
 * Identity's settings are in identity/identity-config.ts; the README's table is generated from both.
 */
export const ConfigSchema = z.object({
  PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(8080)
    .describe('HTTP port of the dashboard'),
  HOST: z.string().min(1).default('0.0.0.0').describe('Address the dashboard listens on'),
  WHARF_DATA_DIR: z
    .string()
    .min(1)
    .default('.wharf')
    .describe('Where the embedded cluster, generated keys and the demo live'),
  WHARF_EMBEDDED: flag.describe('1 forces the embedded cluster even when KUBECONFIG is set'),
  KUBECONFIG: z.string().optional().describe('Use this cluster instead of the embedded one'),
  KUBERNETES_SERVICE_HOST: z
    .string()
    .optional()
    .describe('Set by Kubernetes inside a pod: Wharf uses its ServiceAccount'),
  WHARF_WEB_DIST: z
    .string()
    .optional()
    .describe('Directory of the built web app (default: apps/web/dist)'),
  WHARF_COALESCE_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(5000)
    .default(50)
    .describe('Window in which changes to one object are merged into one socket message'),
  WHARF_SEED_DEMO: z
    .enum(['0', '1'])
    .default('1')
    .describe('0 starts the embedded cluster without the demo projects'),
  WHARF_DEMO_IMAGE: z
    .string()
    .regex(/^[a-z0-9.:/_-]+$/, 'an image repository such as ghcr.io/stefanprodan/podinfo')
    .optional()
    .describe(
      'Image repository the demo also subscribes to, e.g. ghcr.io/stefanprodan/podinfo (embedded only; the registry must be reachable)',
    ),
  WHARF_NAMESPACE: z
    .string()
    .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/)
    .optional()
    .describe(
      "Wharf's own namespace, where replicas share state such as sign-outs (unset: the pod's namespace in a cluster, else wharf)",
    ),
  WHARF_SHARED_RESOURCES_NAMESPACE: z
    .string()
    .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/)
    .default('kargo-shared-resources')
    .describe(
      "Kargo's shared-resources namespace (its SHARED_RESOURCES_NAMESPACE): shared credentials",
    ),
  CONTROLPLANE_USER_REGEX: z
    .string()
    .optional()
    .refine(
      (v) => {
        try {
          return v === undefined || Boolean(new RegExp(v));
        } catch {
          return false;
        }
      },
      { message: 'a regular expression, e.g. ^system:serviceaccount:wharf:wharf$' },
    )
    .describe(
      "Embedded cluster only, as Kargo's webhook setting of the same name: usernames (besides system:masters) whose claimed create-actor/abort actor the stand-in keeps",
    ),
  WHARF_TRUST_PROXY: z
    .string()
    .default('')
    .describe(
      'Proxies in front of Wharf whose X-Forwarded-* headers count: a hop count (1 = the nearest), or addresses/CIDRs/loopback/uniquelocal, comma-separated',
    )
    .transform((raw, ctx): TrustProxy => {
      const parsed = parseTrustProxy(raw);
      if (typeof parsed === 'object' && !Array.isArray(parsed)) {
        ctx.addIssue({ code: 'custom', message: parsed.error });
        return z.NEVER;
      }
      return parsed;
    }),
  WHARF_ARGOCD_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe(
      "Argo CD's web UI, e.g. https://argocd.example.com: stages link their applications there",
    ),
  WHARF_SLOW_PROMOTION: z
    .string()
    .default('30m')
    .describe(
      'A promotion running longer than this (a Go duration, e.g. 45m or 2h) needs attention',
    )
    .transform((raw, ctx) => {
      const ms = parseGoDuration(raw);
      if (ms === null || ms <= 0) {
        ctx.addIssue({
          code: 'custom',
          message: 'must be a positive Go duration such as 30m or 2h',
        });
        return z.NEVER;
      }
      return ms;
    }),
  NODE_ENV: z
    .string()
    .default('production')
    .describe('`development` shows stack traces in error answers'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('Log level; logs are JSON lines, or readable text when stdout is a terminal'),
});
export type Config = z.infer<typeof ConfigSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export type ClusterMode = 'embedded' | 'kubeconfig' | 'in-cluster';

/** Embedded when forced or when nothing else is configured; the same client code serves all modes. */
export function clusterMode(config: Config): ClusterMode {
  if (config.WHARF_EMBEDDED === '1') return 'embedded';
  if (config.KUBECONFIG) return 'kubeconfig';
  if (config.KUBERNETES_SERVICE_HOST) return 'in-cluster';
  return 'embedded';
}
