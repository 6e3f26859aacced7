import type { Condition, Stage, StageStatus } from '@wharf/shared';
import { conditionOf, removeCondition, setCondition, type CondStatus } from './conditions.js';

// Conditions, reasons and messages as Kargo v1.11's regular stage reconciler writes them
// (pkg/controller/stages/regular_stages.go: syncPromotions, assessHealth, verifyStageFreight,
// summarizeConditions) and its control-flow one (control_flow_stages.go).

export const NOT_ASSESSED_PROMOTING =
  'Cannot assess health because a Promotion is currently in progress';
export const NOT_ASSESSED_LAST_FAILED =
  'Cannot assess health because last Promotion did not succeed';

export interface RegularFacts {
  /** The Stage's current Promotion and its phase, when one is under way. */
  promoting?: { name: string; phase?: string };
  /** A Promotion just succeeded: its Freight waits for verification. */
  justSucceeded: boolean;
}

/** `N/M Fulfilled`, or the Freight's name when the single requested origin is fulfilled. */
export function freightSummary(stage: Stage, s: StageStatus): string {
  const requested = stage.spec.requestedFreight.length;
  const items = Object.values(s.freightHistory?.[0]?.items ?? {});
  if (!s.freightHistory?.[0]) return `0/${requested} Fulfilled`;
  if (requested === 1 && items.length === 1 && items[0]?.name) return items[0].name;
  return `${items.length}/${requested} Fulfilled`;
}

function verifiedCondition(s: StageStatus): [CondStatus, string, string] | undefined {
  const history = s.freightHistory?.[0]?.verificationHistory ?? [];
  if (history.some((v) => v.phase === 'Successful'))
    return ['True', 'Verified', 'Freight has been verified'];
  const latest = history[0];
  if (!latest) return undefined;
  const msg = latest.message ?? '';
  switch (latest.phase) {
    case 'Pending':
      return ['Unknown', 'VerificationPending', 'Freight is pending verification'];
    case 'Running':
      return ['Unknown', 'VerificationRunning', 'Freight is currently being verified'];
    case 'Failed':
    case 'Error':
      return ['False', `Verification${latest.phase}`, msg];
    case 'Aborted':
      return ['False', 'VerificationAborted', msg];
    case 'Inconclusive':
      return ['Unknown', 'VerificationInconclusive', msg];
    default:
      return [
        'Unknown',
        'UnknownVerificationPhase',
        `Freight verification is in an unknown phase: ${latest.phase ?? ''}`,
      ];
  }
}

/** Promoting, Healthy (and `health`), Verified, Ready and the fields Kargo sets beside them. */
export function regularStageStatus(
  stage: Stage,
  s: StageStatus,
  f: RegularFacts,
  now: string,
): StageStatus {
  const gen = stage.metadata.generation;
  let c: Condition[] = removeCondition(s.conditions, 'Reconciling');
  const set = (type: string, status: CondStatus, reason: string, message: string) =>
    (c = setCondition(c, type, status, reason, message, now, gen));
  const out: StageStatus = { ...s };
  const last = s.lastPromotion?.status;
  const current = s.freightHistory?.[0];

  if (f.promoting)
    set(
      'Promoting',
      'True',
      'ActivePromotion',
      `Promotion "${f.promoting.name}" is currently ${f.promoting.phase ?? ''}`,
    );
  else c = removeCondition(c, 'Promoting');

  if (f.promoting) {
    set('Healthy', 'Unknown', 'ActivePromotion', 'Stage has a Promotion in progress');
    out.health = { status: 'Unknown', issues: [NOT_ASSESSED_PROMOTING] };
  } else if (!s.lastPromotion) {
    set('Healthy', 'Unknown', 'NoFreight', 'Stage has no current Freight');
    delete out.health;
  } else if (last?.phase !== 'Succeeded') {
    set('Healthy', 'Unknown', `LastPromotion${last?.phase ?? ''}`, NOT_ASSESSED_LAST_FAILED);
    out.health = { status: 'Unknown', issues: [NOT_ASSESSED_LAST_FAILED] };
  } else {
    // The embedded cluster runs no health checks: a promotion records none here.
    set('Healthy', 'True', 'Healthy', 'Stage is healthy (performed 0 health checks)');
    out.health = { status: 'Healthy' };
  }

  if (!current) set('Verified', 'Unknown', 'NoFreight', 'Stage has no current Freight to verify');
  else if (!f.promoting) {
    const v = verifiedCondition(s);
    if (v) set('Verified', ...v);
    else if (f.justSucceeded)
      set(
        'Verified',
        'Unknown',
        'WaitingForVerification',
        'Waiting for verification to be performed after successful promotion',
      );
  }

  const promoting = conditionOf(c, 'Promoting');
  const healthy = conditionOf(c, 'Healthy');
  const verified = conditionOf(c, 'Verified');
  if (promoting) set('Ready', 'False', promoting.reason ?? '', promoting.message ?? '');
  else if (last?.phase && last.phase !== 'Succeeded')
    set('Ready', 'False', `LastPromotion${last.phase}`, last.message ?? '');
  else if (healthy?.status !== 'True')
    set(
      'Ready',
      'False',
      healthy?.reason ?? 'Unhealthy',
      healthy?.message ?? 'Stage is not healthy',
    );
  else if (verified?.status !== 'True')
    set(
      'Ready',
      'False',
      verified?.reason ?? 'PendingVerification',
      verified?.message ?? 'Stage is not verified',
    );
  else {
    set('Ready', 'True', verified.reason ?? 'Verified', verified.message ?? '');
    if (gen !== undefined) out.observedGeneration = gen;
  }
  out.conditions = c;
  out.freightSummary = freightSummary(stage, s);
  return out;
}

/**
 * A control-flow Stage keeps only Ready (True, reason Ready, no message) and holds nothing: no
 * freight history, health or promotions; its summary is `N/A`.
 */
export function controlFlowStageStatus(stage: Stage, s: StageStatus, now: string): StageStatus {
  const {
    freightHistory: _h,
    health: _he,
    currentPromotion: _c,
    lastPromotion: _l,
    autoPromotionEnabled: _a,
    autoPromotionHolds: _ah,
    effectiveAutoPromotionHolds: _eh,
    ...rest
  } = s;
  const ready = setCondition(
    (s.conditions ?? []).filter((x) => x.type === 'Ready'),
    'Ready',
    'True',
    'Ready',
    '',
    now,
  );
  return {
    ...rest,
    conditions: ready,
    freightSummary: 'N/A',
    ...(stage.metadata.generation !== undefined
      ? { observedGeneration: stage.metadata.generation }
      : {}),
  };
}
