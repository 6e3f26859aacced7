import type { Warehouse } from '../kargo/warehouse.js';
import { findCondition } from './conditions.js';

export const WAREHOUSE_HEALTH_STATES = ['Healthy', 'Unhealthy', 'Reconciling', 'Unknown'] as const;
export type WarehouseHealthState = (typeof WAREHOUSE_HEALTH_STATES)[number];

export interface WarehouseHealth {
  state: WarehouseHealthState;
  /** Why it is not healthy, as the controller wrote it. */
  message?: string;
}

/**
 * A Warehouse's state as a person should read it. Kargo's warehouse reconciler leaves
 * `Reconciling=True` (ScheduledDiscovery) in place when discovery fails and sets `Healthy=False`
 * (DiscoveryFailed) beside it, so a failure is checked before discovery: otherwise a warehouse
 * that keeps failing looks busy forever. Healthy is the `Healthy` condition, which is also what
 * Kargo's project stats count; `Ready` only decides when `Healthy` is absent (older statuses).
 */
export function warehouseHealth(warehouse: Pick<Warehouse, 'status'>): WarehouseHealth {
  const healthy = findCondition(warehouse.status, 'Healthy');
  const ready = findCondition(warehouse.status, 'Ready');
  if (healthy?.status === 'False') return withMessage('Unhealthy', healthy.message);
  if (findCondition(warehouse.status, 'Reconciling')?.status === 'True')
    return { state: 'Reconciling' };
  if (healthy?.status === 'True') return { state: 'Healthy' };
  if (ready?.status === 'False') return withMessage('Unhealthy', ready.message);
  if (!healthy && ready?.status === 'True') return { state: 'Healthy' };
  return { state: 'Unknown' };
}

function withMessage(state: WarehouseHealthState, message: string | undefined): WarehouseHealth {
  return message ? { state, message } : { state };
}
