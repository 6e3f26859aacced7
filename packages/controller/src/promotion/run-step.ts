import type { PromotionStep } from '@wharf/shared';
import { ExpressionError, type Env } from '../expr/evaluate.js';
import { expandDeep, expandString } from '../expr/template.js';
import {
  StepFailure,
  type StepContext,
  type StepRegistry,
  type StepResult,
} from '../steps/step-types.js';

export type StepOutcome = StepResult & { skipped?: boolean };

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Whether a step runs: its `if` expression, else Kargo's default of "no earlier step failed". */
export function shouldRun(step: PromotionStep, env: Env): boolean {
  if (!step.if) return env.functions.success?.() === true;
  const cond = step.if.includes('${{') ? step.if : `\${{ ${step.if} }}`;
  return Boolean(expandString(cond, env));
}

/** Runs one step: expands its config, calls its runner, and maps errors to Kargo's step statuses. */
export async function runStep(
  step: PromotionStep,
  env: Env,
  steps: StepRegistry,
  ctx: StepContext,
): Promise<StepOutcome> {
  try {
    if (!shouldRun(step, env)) return { status: 'Succeeded', skipped: true };
    const uses = step.uses ?? '';
    const runner = steps[uses];
    if (!runner)
      return {
        status: 'Errored',
        message: `no promotion step named "${uses}" is known to the embedded cluster`,
      };
    const config = expandDeep(step.config ?? {}, env);
    if (typeof config !== 'object' || config === null || Array.isArray(config))
      return { status: 'Failed', message: `step "${uses}" needs its config to be a mapping` };
    return await runner(config as Record<string, unknown>, ctx);
  } catch (err) {
    if (err instanceof StepFailure || err instanceof ExpressionError)
      return { status: 'Failed', message: message(err) };
    return { status: 'Errored', message: message(err) };
  }
}
