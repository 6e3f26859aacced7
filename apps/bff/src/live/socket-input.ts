import type { z } from 'zod';
import { InputError } from '../errors/http-errors.js';

const short = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/**
 * Validates a socket payload with its shared schema. The refusal names the fields and what is
 * wrong with them, never the values sent (a 100 KB project name is not echoed back).
 */
export function parseSocketInput<T extends z.ZodType>(
  schema: T,
  raw: unknown,
  event: string,
): z.output<T> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => {
    const field = i.path.map((p) => short(String(p))).join('.') || 'payload';
    return i.code === 'unrecognized_keys'
      ? `${field}: has fields ${event} does not take`
      : `${field}: ${i.message}`;
  });
  throw new InputError(`Invalid ${event} request (${problems.join('; ')}).`);
}
