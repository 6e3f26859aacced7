import type { Condition } from '../kargo/meta.js';

/** The condition of the given type, if the object reports one. */
export function findCondition(
  status: { conditions?: Condition[] | undefined } | undefined,
  type: string,
): Condition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}
