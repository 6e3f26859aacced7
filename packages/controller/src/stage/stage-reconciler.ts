import type { ReconcileResult } from '../kube/work-queue.js';
import { isDeepStrictEqual } from 'node:util';
import {
  ANNOTATIONS,
  EVENT_ANNOTATIONS,
  type Freight,
  type KargoEventReason,
  type ProjectConfig,
  type Promotion,
  type Stage,
  type StageStatus,
  type VerificationInfo,
  isTerminalVerificationPhase,
  originKey,
  promotionCreatedEvent,
} from '@wharf/shared';
import { availability } from '../freight/availability.js';
import { CONTROLLER_ACTOR } from '../kargo/constants.js';
import { type Clock, rfc3339 } from '../kube/clock.js';
import type { EventRecorder } from '../kube/events.js';
import type { KindInformer } from '../kube/informers.js';
import type { AnalysisRuns } from '../kube/analysis-runs.js';
import type { KargoApi } from '../kube/kargo-api.js';
import { removing } from '../kube/merge-patch.js';
import { autoPromotionCandidates, hasSteps } from './auto-promotion.js';
import { autoPromotionEnabled } from './policy.js';
import { controlFlowStageStatus, regularStageStatus } from './stage-conditions.js';
import { mergePatch, syncFreight, type FreightPatch } from './sync-freight.js';
import { syncPromotions } from './sync-promotions.js';
import { verify } from './verification.js';

export interface StageDeps {
  api: KargoApi;
  clock: Clock;
  record: EventRecorder;
  configs: KindInformer<ProjectConfig>;
  stages: KindInformer<Stage>;
  promotions: KindInformer<Promotion>;
  freight: KindInformer<Freight>;
  /** Resolves once the informers show every write this controller made (OwnWrites.settled). */
  settled(): Promise<void>;
  analysisRuns: AnalysisRuns;
}

/** Kargo writes autoPromotionEnabled only when true, and holds only while it is on. */
function withAutoPromotion(s: StageStatus, enabled: boolean): StageStatus {
  const {
    autoPromotionEnabled: _e,
    autoPromotionHolds,
    effectiveAutoPromotionHolds: _h,
    ...rest
  } = s;
  if (!enabled) return rest;
  const holds =
    autoPromotionHolds && Object.keys(autoPromotionHolds).length ? autoPromotionHolds : undefined;
  return {
    ...rest,
    autoPromotionEnabled: true,
    ...(holds ? { autoPromotionHolds: holds, effectiveAutoPromotionHolds: holds } : {}),
  };
}

const VERIFY_REASON: Record<string, KargoEventReason> = {
  Successful: 'FreightVerificationSucceeded',
  Failed: 'FreightVerificationFailed',
  Error: 'FreightVerificationErrored',
  Aborted: 'FreightVerificationAborted',
  Inconclusive: 'FreightVerificationInconclusive',
};

/** Kargo's Stage reconcile: sync promotions → sync freight → health → verify → mark verified → holds → auto-promote. */
export class StageReconciler {
  constructor(private readonly d: StageDeps) {}

  async reconcile(key: string): Promise<ReconcileResult> {
    const [ns = '', name = ''] = key.split('/');
    // Read from the informer caches, but only once they show this controller's own writes: a
    // cache without them would repeat verifications or auto-promotions already done.
    await this.d.settled();
    const stage = this.d.stages.get(name, ns);
    if (!stage || stage.metadata.deletionTimestamp) return;
    const now = this.d.clock.now();
    const at = rfc3339(now);
    const promos = this.d.promotions.list(ns).filter((p) => p.spec.stage === name);
    const freights = this.d.freight.list(ns);
    const patches = new Map<string, FreightPatch>();
    const addPatch = (f: string, p: FreightPatch) => patches.set(f, mergePatch(patches.get(f), p));
    const finished: { freight: Freight; info: VerificationInfo }[] = [];

    const synced = syncPromotions(stage.status ?? {}, promos);
    let status = synced.status;
    const currentName = status.currentPromotion?.name;
    const promoting = currentName !== undefined;
    const current = status.freightHistory?.[0];
    const held = new Set(
      Object.values(current?.items ?? {}).flatMap((r) => (r.name ? [r.name] : [])),
    );
    for (const [f, p] of syncFreight(name, held, freights, now)) addPatch(f, p);

    if (!hasSteps(stage)) {
      // A control-flow Stage verifies every Freight available to it at once.
      for (const f of freights)
        if (!f.status?.verifiedIn?.[name] && availability(f, stage, now).available) {
          addPatch(f.metadata.name, { verifiedIn: { [name]: { verifiedAt: at } } });
          finished.push({
            freight: f,
            info: { phase: 'Successful', startTime: at, finishTime: at },
          });
        }
    } else if (current && !promoting) {
      const healthy = status.lastPromotion?.status?.phase === 'Succeeded';
      const v = await verify(stage, current, healthy, {
        now,
        analysisRuns: this.d.analysisRuns,
      });
      status = {
        ...status,
        freightHistory: [v.collection, ...(status.freightHistory ?? []).slice(1)],
      };
      const latest = v.collection.verificationHistory?.[0];
      for (const ref of Object.values(v.collection.items ?? {})) {
        const f = freights.find((x) => x.metadata.name === ref.name);
        if (!f) continue;
        for (const info of v.finished) finished.push({ freight: f, info });
        if (latest?.phase === 'Successful' && !f.status?.verifiedIn?.[name])
          addPatch(f.metadata.name, {
            verifiedIn: { [name]: { verifiedAt: latest.finishTime ?? at } },
          });
      }
    }

    const config = this.d.configs.get(ns, ns);
    const auto = hasSteps(stage) && autoPromotionEnabled(stage, config);
    const phaseOf = (n: string) => promos.find((p) => p.metadata.name === n)?.status?.phase;
    status = hasSteps(stage)
      ? regularStageStatus(
          stage,
          withAutoPromotion(status, auto),
          {
            ...(currentName
              ? { promoting: { name: currentName, phase: phaseOf(currentName) } }
              : {}),
            justSucceeded: synced.justSucceeded,
          },
          at,
        )
      : controlFlowStageStatus(stage, status, at);
    const refresh = stage.metadata.annotations?.[ANNOTATIONS.refresh];
    if (refresh) status.lastHandledRefresh = refresh;
    for (const [f, p] of patches) await this.d.api.patchStatus('Freight', ns, f, p);
    if (!isDeepStrictEqual(status, stage.status ?? {}))
      await this.d.api.patchStatus('Stage', ns, name, removing(stage.status, status));
    for (const e of finished) await this.verificationEvent(stage, e.freight, e.info);

    if (status.autoPromotionEnabled && hasSteps(stage) && !promoting)
      for (const f of autoPromotionCandidates({ ...stage, status }, freights, promos, now))
        await this.promote(stage, f);
    // Nothing watches AnalysisRuns here: look again while one is running.
    const verifying = !isTerminalVerificationPhase(
      status.freightHistory?.[0]?.verificationHistory?.[0]?.phase ?? 'Successful',
    );
    if (verifying) return { requeueAfterMs: 2_000 };
    const soak = stage.spec.requestedFreight.some((r) => r.sources.requiredSoakTime);
    return soak ? { requeueAfterMs: 30_000 } : undefined;
  }

  /** As Kargo's stage controller: a minimal Promotion, and its own PromotionCreated event. */
  private async promote(stage: Stage, f: Freight): Promise<void> {
    const created = await this.d.api.create<Promotion>('Promotion', {
      metadata: {
        name: '',
        generateName: `${stage.metadata.name}.`,
        namespace: stage.metadata.namespace,
        annotations: { [ANNOTATIONS.createActor]: CONTROLLER_ACTOR.stage },
      },
      spec: { stage: stage.metadata.name, freight: f.metadata.name },
    });
    const message = `Automatically promoted Freight from origin "${originKey(f.origin)}" for Stage "${stage.metadata.name}"`;
    await this.d.record(
      promotionCreatedEvent(created, f, CONTROLLER_ACTOR.stage, message, 'stage-controller'),
    );
  }

  /** regular_stages.go recordFreightVerificationEvent: the reason follows the phase, type Normal. */
  private async verificationEvent(stage: Stage, f: Freight, info: VerificationInfo): Promise<void> {
    const reason = VERIFY_REASON[info.phase ?? ''] ?? 'FreightVerificationUnknown';
    await this.d.record({
      involved: {
        kind: 'Freight',
        name: f.metadata.name,
        namespace: f.metadata.namespace ?? '',
        uid: f.metadata.uid,
      },
      reason,
      message:
        info.phase === 'Successful' ? 'Freight verification succeeded' : (info.message ?? ''),
      component: 'stage-controller',
      annotations: {
        [EVENT_ANNOTATIONS.project]: f.metadata.namespace ?? '',
        [EVENT_ANNOTATIONS.actor]: info.actor ?? CONTROLLER_ACTOR.stage,
        [EVENT_ANNOTATIONS.stageName]: stage.metadata.name,
        [EVENT_ANNOTATIONS.freightName]: f.metadata.name,
        [EVENT_ANNOTATIONS.freightAlias]: f.alias ?? '',
        [EVENT_ANNOTATIONS.freightWarehouseName]: f.origin.name,
        ...(f.commits ? { [EVENT_ANNOTATIONS.freightCommits]: JSON.stringify(f.commits) } : {}),
        ...(info.analysisRun ? { [EVENT_ANNOTATIONS.analysisRunName]: info.analysisRun.name } : {}),
        ...(info.startTime ? { [EVENT_ANNOTATIONS.verificationStartTime]: info.startTime } : {}),
        ...(info.finishTime ? { [EVENT_ANNOTATIONS.verificationFinishTime]: info.finishTime } : {}),
      },
    });
  }
}
