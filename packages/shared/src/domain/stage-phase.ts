import type { Condition } from '../kargo/meta.js';
import type { Stage } from '../kargo/stage.js';
import { findCondition } from './conditions.js';

/**
 * Kargo Stages have no phase field; dashboards derive one from conditions.
 * A Stage that never received Freight carries Ready=False, Healthy=Unknown and Verified=Unknown,
 * all with reason `NoFreight` (Kargo v1.11 stage reconciler). That is neither verifying nor a
 * failure, so Kargo's own UI skips conditions with that reason and Wharf gives it its own phase.
 */
export const STAGE_PHASES = [
  'Promoting',
  'Verifying',
  'Reconciling',
  'Failed',
  'NoFreight',
  'Ready',
  'Unknown',
] as const;
export type StagePhase = (typeof STAGE_PHASES)[number];

export interface StagePhaseDetail {
  phase: StagePhase;
  /** The condition that decided the phase, when one did. */
  condition?: Condition;
}

export const NO_FREIGHT_REASON = 'NoFreight';

/** Phase plus the deciding condition, checked in Kargo's order (first match wins). */
export function describeStagePhase(stage: Pick<Stage, 'status'>): StagePhaseDetail {
  const status = stage.status;
  const promoting = findCondition(status, 'Promoting');
  if (promoting?.status === 'True' && promoting.reason !== NO_FREIGHT_REASON)
    return { phase: 'Promoting', condition: promoting };
  const verified = findCondition(status, 'Verified');
  if (verified?.status === 'Unknown' && verified.reason !== NO_FREIGHT_REASON)
    return { phase: 'Verifying', condition: verified };
  const reconciling = findCondition(status, 'Reconciling');
  if (reconciling?.status === 'True') return { phase: 'Reconciling', condition: reconciling };
  const ready = findCondition(status, 'Ready');
  if (ready?.status === 'False') {
    const phase = ready.reason === NO_FREIGHT_REASON ? 'NoFreight' : 'Failed';
    return { phase, condition: ready };
  }
  if (ready?.status === 'True') return { phase: 'Ready', condition: ready };
  return { phase: 'Unknown' };
}

export function deriveStagePhase(stage: Pick<Stage, 'status'>): StagePhase {
  return describeStagePhase(stage).phase;
}
