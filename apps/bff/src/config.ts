import { z } from 'zod';

/** Every setting the BFF reads, checked once at start so a typo fails fast with a readable list. */
const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  WHARF_DATA_DIR: z.string().min(1).default('.wharf'),
  WHARF_EMBEDDED: z.enum(['0', '1', '']).default(''),
  KUBECONFIG: z.string().optional(),
  WHARF_WEB_DIST: z.string().optional(),
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
