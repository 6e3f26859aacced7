import { randomUUID } from 'node:crypto';
import {
  ANNOTATIONS,
  isTerminalVerificationPhase,
  LABELS,
  type FreightCollection,
  type Stage,
  type VerificationInfo,
} from '@wharf/shared';
import { ulid } from 'ulid';
import type { AnalysisRun, AnalysisRuns } from '../kube/analysis-runs.js';
import { rfc3339 } from '../kube/clock.js';

// Kargo v1.11's verification of a Stage's current Freight (regular_stages.go
// verifyStageFreight, startVerification, getVerificationResult, abortVerification).

export const ROLLOUTS_DISABLED =
  'Rollouts integration is disabled on this controller: cannot start verification';
export const ABORTED_BY_USER = 'Verification aborted by user';
const FREIGHT_COLLECTION_LABEL = 'kargo.akuity.io/freight-collection';

export interface VerifyDeps {
  now: Date;
  /** Argo Rollouts' AnalysisRuns; without them verification ends Error, as Kargo's does. */
  analysisRuns: AnalysisRuns;
}

export interface VerificationResult {
  collection: FreightCollection;
  /** Verifications that finished during this reconcile, for events. */
  finished: VerificationInfo[];
}

/** The reverify or abort request of the annotation `key`, when it names verification `id`. */
function requestFor(
  stage: Stage,
  key: string,
  id: string | undefined,
): { actor?: string } | undefined {
  const raw = stage.metadata.annotations?.[key];
  if (!raw || !id) return undefined;
  let v: { id?: unknown; actor?: unknown };
  try {
    v = JSON.parse(raw) as { id?: unknown; actor?: unknown };
  } catch {
    v = { id: raw };
  }
  if (v.id !== id) return undefined;
  return typeof v.actor === 'string' && v.actor ? { actor: v.actor } : {};
}

const analysisRef = (ar: AnalysisRun, namespace: string) => ({
  namespace: ar.metadata.namespace ?? namespace,
  name: ar.metadata.name,
  phase: ar.status?.phase ?? '',
});

/** A running verification: aborted on request, else brought up to date from its AnalysisRun. */
async function follow(
  stage: Stage,
  latest: VerificationInfo,
  d: VerifyDeps,
): Promise<VerificationInfo | undefined> {
  const ns = stage.metadata.namespace ?? '';
  const at = rfc3339(d.now);
  const run = latest.analysisRun;
  if (!run) return undefined;
  const abort = requestFor(stage, ANNOTATIONS.abort, latest.id);
  if (abort) {
    const served = await d.analysisRuns.served();
    if (served) await d.analysisRuns.terminate(run.namespace, run.name).catch(() => undefined);
    return {
      ...latest,
      ...(abort.actor ? { actor: abort.actor } : {}),
      finishTime: at,
      phase: served ? 'Failed' : 'Error',
      message: served
        ? ABORTED_BY_USER
        : 'Rollouts integration is disabled on this controller: cannot abort verification',
    };
  }
  const ar = (await d.analysisRuns.served())
    ? await d.analysisRuns.get(run.namespace, run.name)
    : undefined;
  if (!ar)
    return {
      ...latest,
      finishTime: at,
      phase: 'Error',
      message: `error getting AnalysisRun "${run.name}" in namespace "${run.namespace}": not found`,
    };
  const { finishTime: _f, message: _m, ...rest } = latest;
  return {
    ...rest,
    ...(ar.status?.completedAt ? { finishTime: ar.status.completedAt } : {}),
    phase: ar.status?.phase ?? '',
    ...(ar.status?.message ? { message: ar.status.message } : {}),
    analysisRun: analysisRef(ar, ns),
  };
}

/** A new verification: Successful at once without `spec.verification`, else an AnalysisRun. */
async function start(
  stage: Stage,
  coll: FreightCollection,
  actor: string | undefined,
  reverifying: boolean,
  d: VerifyDeps,
): Promise<VerificationInfo> {
  const ns = stage.metadata.namespace ?? '';
  const at = rfc3339(d.now);
  const base: VerificationInfo = { id: randomUUID(), ...(actor ? { actor } : {}), startTime: at };
  if (!stage.spec.verification) return { ...base, finishTime: at, phase: 'Successful' };
  if (!(await d.analysisRuns.served()))
    return { ...base, finishTime: at, phase: 'Error', message: ROLLOUTS_DISABLED };
  const labels = { [LABELS.stage]: stage.metadata.name, [FREIGHT_COLLECTION_LABEL]: coll.id };
  const existing = reverifying ? undefined : await d.analysisRuns.find(ns, labels);
  if (existing)
    return {
      ...base,
      finishTime: at,
      phase: existing.status?.phase ?? '',
      analysisRun: analysisRef(existing, ns),
    };
  const v = stage.spec.verification;
  const ar = await d.analysisRuns.create(ns, {
    metadata: {
      name: `${stage.metadata.name}.${ulid(d.now.getTime())}.${coll.id}`.toLowerCase(),
      namespace: ns,
      labels: { ...v.analysisRunMetadata?.labels, ...labels },
      ...(v.analysisRunMetadata?.annotations
        ? { annotations: v.analysisRunMetadata.annotations }
        : {}),
    },
    // Templates are not expanded here: the embedded cluster serves no AnalysisTemplates.
    spec: { args: v.args ?? [], metrics: [] },
  });
  return {
    ...base,
    finishTime: ar.metadata.creationTimestamp ?? at,
    phase: 'Pending',
    analysisRun: analysisRef(ar, ns),
  };
}

/**
 * Step 5: verifies the current collection. A running verification is followed (or aborted when
 * `kargo.akuity.io/abort` names it); a finished one is left alone unless
 * `kargo.akuity.io/reverify` names it; a new one starts only while the Stage is healthy.
 */
export async function verify(
  stage: Stage,
  coll: FreightCollection,
  healthy: boolean,
  d: VerifyDeps,
): Promise<VerificationResult> {
  const history = [...(coll.verificationHistory ?? [])];
  const latest = history[0];
  const done = (info: VerificationInfo | undefined, replace: boolean): VerificationResult => {
    if (!info) return { collection: coll, finished: [] };
    if (replace) history[0] = info;
    else history.unshift(info);
    return {
      collection: { ...coll, verificationHistory: history.slice(0, 10) },
      finished: isTerminalVerificationPhase(info.phase) ? [info] : [],
    };
  };
  if (latest && !isTerminalVerificationPhase(latest.phase))
    return done(await follow(stage, latest, d), true);
  const reverify = requestFor(stage, ANNOTATIONS.reverify, latest?.id);
  if ((latest && !reverify) || !healthy) return done(undefined, false);
  return done(await start(stage, coll, reverify?.actor, reverify !== undefined, d), false);
}
