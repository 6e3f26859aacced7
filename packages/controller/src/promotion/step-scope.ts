import type { ExpressionVariable } from '@wharf/shared';
import { expandString } from '../expr/template.js';
import { promotionEnv, type PromotionScope } from '../expr/promotion-env.js';
import type { Env } from '../expr/evaluate.js';

/** Evaluates `{name, value}` vars in order, so later vars may use earlier ones. */
export function evaluateVars(
  list: ExpressionVariable[] | undefined,
  scope: PromotionScope,
): Record<string, unknown> {
  const vars = { ...scope.vars };
  for (const v of list ?? [])
    vars[v.name] = expandString(v.value ?? '', promotionEnv({ ...scope, vars }));
  return vars;
}

/** Outputs of the steps of one task, keyed by their alias inside the task. */
export function taskOutputs(
  alias: string,
  outputs: Record<string, unknown>,
): Record<string, unknown> | undefined {
  const sep = alias.indexOf('::');
  if (sep < 0) return undefined;
  const prefix = alias.slice(0, sep + 2);
  return Object.fromEntries(
    Object.entries(outputs)
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, v]) => [k.slice(prefix.length), v]),
  );
}

/** The expression environment of one step: promotion vars, then the step's own vars. */
export function stepEnv(
  scope: PromotionScope,
  alias: string,
  stepVars: ExpressionVariable[] | undefined,
): Env {
  const withTask = { ...scope, taskOutputs: taskOutputs(alias, scope.outputs) };
  return promotionEnv({ ...withTask, vars: evaluateVars(stepVars, withTask) });
}
