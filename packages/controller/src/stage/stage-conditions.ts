import type { Condition, StageStatus } from '@wharf/shared';
import { conditionOf, removeCondition, setCondition } from './conditions.js';

export interface Facts {
  promoting: boolean;
  hasFreight: boolean;
  lastPhase?: string;
  lastMessage?: string;
  verification?: { phase?: string; message?: string };
}

/** Steps 4 and 6: Promoting, Healthy, Verified and Ready from what the reconcile found. */
export function stageConditions(
  status: StageStatus,
  f: Facts,
  now: string,
  gen?: number,
): Condition[] {
  let c = removeCondition(status.conditions, 'Reconciling');
  const set = (type: string, s: 'True' | 'False' | 'Unknown', reason: string, msg: string) =>
    (c = setCondition(c, type, s, reason, msg, now, gen));
  if (f.promoting)
    set(
      'Promoting',
      'True',
      'ActivePromotion',
      `Promotion "${status.currentPromotion?.name ?? ''}" is in progress`,
    );
  else c = removeCondition(c, 'Promoting');
  const lastFailed = f.lastPhase !== undefined && f.lastPhase !== 'Succeeded';
  if (!f.hasFreight) {
    set('Healthy', 'Unknown', 'NoFreight', 'No Freight has been promoted to this Stage yet');
    // Nothing to verify is not "verifying": dashboards read Verified=Unknown as in progress.
    c = removeCondition(c, 'Verified');
  } else if (f.promoting) {
    set('Healthy', 'Unknown', 'Promoting', 'Health is checked once the running Promotion finishes');
  } else {
    set('Healthy', 'True', 'Healthy', 'The last Promotion succeeded and defines no health checks');
    const v = f.verification;
    if (!v) set('Verified', 'Unknown', 'Pending', 'Verification has not started');
    else if (v.phase === 'Successful')
      set('Verified', 'True', 'Verified', 'Freight has been verified');
    else
      set(
        'Verified',
        'False',
        v.phase === 'Error' ? 'VerificationError' : 'VerificationFailed',
        v.message ?? `Verification ${v.phase ?? ''}`,
      );
  }
  const verified = conditionOf(c, 'Verified')?.status === 'True';
  if (f.promoting) set('Ready', 'False', 'Promoting', 'A Promotion is in progress');
  else if (lastFailed)
    set(
      'Ready',
      'False',
      'LastPromotionFailed',
      f.lastMessage ?? `The last Promotion ended ${f.lastPhase ?? ''}`,
    );
  else if (!f.hasFreight)
    set('Ready', 'False', 'NoFreight', 'No Freight has been promoted to this Stage yet');
  else if (!verified)
    set(
      'Ready',
      'False',
      conditionOf(c, 'Verified')?.reason ?? 'NotVerified',
      conditionOf(c, 'Verified')?.message ?? 'Not verified',
    );
  else set('Ready', 'True', 'Ready', 'Stage is ready');
  return c;
}
