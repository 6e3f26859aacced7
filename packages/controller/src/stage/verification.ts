import { randomUUID } from 'node:crypto';
import {
  ANNOTATIONS,
  type FreightCollection,
  type Stage,
  type VerificationInfo,
} from '@wharf/shared';
import { rfc3339 } from '../kube/clock.js';

export const NO_ANALYSIS =
  "The embedded cluster doesn't run Argo Rollouts analysis, so this Stage's analysisTemplates can't verify Freight here; point Wharf at a real cluster running Kargo and Argo Rollouts, or remove spec.verification";

export interface VerificationResult {
  collection: FreightCollection;
  /** Verifications that finished during this reconcile, for events. */
  finished: VerificationInfo[];
}

function annotation(stage: Stage, key: string): { id?: string; actor?: string } | undefined {
  const raw = stage.metadata.annotations?.[key];
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as { id?: unknown; actor?: unknown };
    return {
      id: typeof v.id === 'string' ? v.id : undefined,
      actor: typeof v.actor === 'string' ? v.actor : undefined,
    };
  } catch {
    return { id: raw };
  }
}

const TERMINAL = new Set(['Successful', 'Failed', 'Error', 'Inconclusive', 'Aborted']);

/**
 * Step 5: verifies the current collection. Without analysisTemplates a Successful record is
 * written at once (as Kargo does); with them, an Error record says analysis isn't available.
 * `reverify` for the current id starts a new record; `abort` for a running one fails it.
 */
export function verify(stage: Stage, coll: FreightCollection, now: Date): VerificationResult {
  const history = [...(coll.verificationHistory ?? [])];
  const latest = history[0];
  const finished: VerificationInfo[] = [];
  const at = rfc3339(now);
  const abort = annotation(stage, ANNOTATIONS.abort);
  if (latest && abort?.id === latest.id && !TERMINAL.has(latest.phase ?? '')) {
    history[0] = {
      ...latest,
      phase: 'Failed',
      message: 'Verification aborted by user',
      finishTime: at,
    };
    finished.push({ ...history[0], phase: 'Aborted' });
  }
  const reverify = annotation(stage, ANNOTATIONS.reverify);
  if (!latest || (reverify?.id !== undefined && reverify.id === latest.id)) {
    const analysis = (stage.spec.verification?.analysisTemplates?.length ?? 0) > 0;
    const record: VerificationInfo = {
      id: randomUUID(),
      ...(reverify?.actor && latest ? { actor: reverify.actor } : {}),
      startTime: at,
      finishTime: at,
      phase: analysis ? 'Error' : 'Successful',
      ...(analysis ? { message: NO_ANALYSIS } : {}),
    };
    history.unshift(record);
    finished.push(record);
  }
  return { collection: { ...coll, verificationHistory: history.slice(0, 10) }, finished };
}
