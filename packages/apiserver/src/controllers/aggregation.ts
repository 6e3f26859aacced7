// ClusterRole aggregation: a ClusterRole with an aggregationRule gets the rules of every
// ClusterRole its selectors match.
import { SYSTEM_CALLER, type Ctx } from '../context.js';
import { updateObject } from '../objects/update.js';
import { aggregatedRules, type ClusterRole } from '../rbac/index.js';
import { clone, deepEqual, isObject, type KObj } from '../util/kobj.js';
import type { WorkQueue } from './queue.js';

const GR = 'clusterroles.rbac.authorization.k8s.io';

async function reconcileAll(ctx: Ctx): Promise<void> {
  const def = ctx.catalog.byGroupResource(GR);
  if (!def) return;
  const all = ctx.store.list(GR) as unknown as ClusterRole[];
  for (const role of all) {
    if (!isObject(role.aggregationRule)) continue;
    const rules = aggregatedRules(role, all);
    if (deepEqual(rules, role.rules ?? [])) continue;
    const next = clone(role as unknown as KObj);
    next.rules = rules;
    await updateObject(ctx, SYSTEM_CALLER, def, 'v1', undefined, role.metadata.name, next);
  }
}

export function startAggregationController(ctx: Ctx, queue: WorkQueue): void {
  queue.add('aggregation', () => reconcileAll(ctx));
  ctx.store.onCommit((e) => {
    if (e.gr === GR) queue.add('aggregation', () => reconcileAll(ctx));
  });
}
