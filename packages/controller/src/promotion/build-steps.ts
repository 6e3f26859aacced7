import type { ExpressionVariable, PromotionStep, PromotionTask } from '@wharf/shared';

export type TaskLookup = (ref: {
  name: string;
  kind?: string;
}) => Promise<Pick<PromotionTask, 'spec'> | undefined>;

export class StepBuildError extends Error {}

const aliasOf = (step: PromotionStep, index: number) => step.as || `step-${index}`;

/** Task vars with their defaults, overridden by the calling step's vars; empty defaults are required. */
function mergeTaskVars(
  taskName: string,
  declared: ExpressionVariable[] = [],
  given: ExpressionVariable[] = [],
): ExpressionVariable[] {
  const byName = new Map(given.map((v) => [v.name, v.value]));
  return declared.map((v) => {
    const value = byName.get(v.name) ?? v.value;
    if (value === undefined || value === '')
      throw new StepBuildError(
        `PromotionTask "${taskName}" needs a value for its var "${v.name}"; set it in the step's vars.`,
      );
    return { name: v.name, value };
  });
}

/**
 * Copies a Stage template's steps into a Promotion: aliases default to `step-N`, and a `task`
 * step expands into the task's steps aliased `<taskAlias>::<stepAlias>` carrying the task's vars.
 */
export async function buildPromotionSteps(
  steps: PromotionStep[],
  lookup: TaskLookup,
): Promise<PromotionStep[]> {
  const out: PromotionStep[] = [];
  for (const [i, step] of steps.entries()) {
    const alias = aliasOf(step, i);
    if (!step.task) {
      out.push({ ...step, as: alias });
      continue;
    }
    const kind = step.task.kind ?? 'PromotionTask';
    const task = await lookup({ name: step.task.name, kind });
    if (!task)
      throw new StepBuildError(
        `${kind} "${step.task.name}" not found; create it or fix the step's task reference.`,
      );
    const vars = mergeTaskVars(step.task.name, task.spec.vars, step.vars);
    for (const [j, taskStep] of task.spec.steps.entries()) {
      if (taskStep.task)
        throw new StepBuildError(`${kind} "${step.task.name}" may not reference another task.`);
      const expanded: PromotionStep = { ...taskStep, as: `${alias}::${aliasOf(taskStep, j)}` };
      const stepVars = [...vars, ...(taskStep.vars ?? [])];
      if (stepVars.length) expanded.vars = stepVars;
      if (step.if && !taskStep.if) expanded.if = step.if;
      out.push(expanded);
    }
  }
  return out;
}
