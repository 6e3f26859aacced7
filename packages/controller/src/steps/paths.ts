import { isAbsolute, relative, resolve } from 'node:path';
import { StepFailure } from './step-types.js';

/** Resolves a step path inside the promotion's working directory; escaping it is refused. */
export function workPath(workDir: string, path: unknown, field = 'path'): string {
  if (typeof path !== 'string' || path === '') throw new StepFailure(`config.${field} is required`);
  const full = resolve(workDir, path);
  const rel = relative(workDir, full);
  if (rel.startsWith('..') || isAbsolute(rel))
    throw new StepFailure(`config.${field} "${path}" leaves the promotion's working directory`);
  return full;
}
