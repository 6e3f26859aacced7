import { z } from 'zod';

const flag = z.enum(['0', '1', '']).default('');

/** Every setting the BFF reads, checked once at start so a typo fails fast with a readable list. */
const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080).describe('HTTP port'),
  HOST: z.string().min(1).default('0.0.0.0').describe('Address to listen on'),
  WHARF_DATA_DIR: z.string().min(1).default('.wharf').describe('Embedded cluster data, kubeconfig'),
  WHARF_EMBEDDED: flag.describe('1 forces the embedded cluster even when KUBECONFIG is set'),
  KUBECONFIG: z.string().optional().describe('Kubeconfig of a real cluster'),
  KUBERNETES_SERVICE_HOST: z
    .string()
    .optional()
    .describe('Set inside a pod: use in-cluster config'),
  WHARF_WEB_DIST: z.string().optional().describe('Directory of the built web app'),
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
    .describe('Seed the demo projects (embedded only)'),
  WHARF_SHARED_RESOURCES_NAMESPACE: z
    .string()
    .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/)
    .default('kargo-shared-resources')
    .describe(
      "Kargo's shared-resources namespace (its SHARED_RESOURCES_NAMESPACE): shared credentials",
    ),
  NODE_ENV: z.string().default('production').describe('development shows stack traces in errors'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
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
