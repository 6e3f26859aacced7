import type { z } from 'zod';
import { StepFailure } from './step-types.js';

/** Validates a step's config, failing the step with a message that names the bad fields. */
export function parseConfig<S extends z.ZodType>(
  step: string,
  schema: S,
  config: unknown,
): z.infer<S> {
  const r = schema.safeParse(config ?? {});
  if (r.success) return r.data;
  const issues = r.error.issues
    .map((i) => `${i.path.join('.') || '(config)'}: ${i.message}`)
    .join('; ');
  throw new StepFailure(`invalid ${step} config: ${issues}`);
}
