import {
  ANNOTATIONS,
  argoCdApps,
  deriveStagePhase,
  isControlFlowStage,
  stageColor,
  STAGE_HEALTH_STATUSES,
  type AutoPromotionHold,
  type PromotionReference,
  type Stage,
} from '@wharf/shared';
import type { HealthStatus, PromotionRef, StageView } from '@wharf/shared/api';
import { freightRefView } from './artifact-views.js';
import { conditionsOf, defined, metaBase, refreshState } from './common.js';
import { verificationView } from './verification-view.js';

export interface StageViewContext {
  aliasOf: (freightName: string) => string | undefined;
  /** Base URL of the Argo CD UI, for links to the stage's applications. */
  argoCdUrl?: string | undefined;
  /** When `stage` started holding the freight (its `status.currentlyIn[stage].since`). */
  sinceOf?: (freightName: string, stage: string) => string | undefined;
  /** `kubernetes:<Wharf's own username>`, for promotions Kargo recorded as Wharf's. */
  wharfActor?: string | undefined;
}

function healthStatus(value: string | undefined): HealthStatus {
  return (STAGE_HEALTH_STATUSES as readonly string[]).includes(value ?? '')
    ? (value as HealthStatus)
    : 'Unknown';
}

function promotionRef(ref: PromotionReference | undefined): PromotionRef | undefined {
  if (!ref) return undefined;
  return {
    name: ref.name,
    ...defined({
      freight: ref.freight?.name,
      phase: ref.status?.phase,
      finishedAt: ref.finishedAt,
    }),
  };
}

function holdsOf(holds: Record<string, AutoPromotionHold> | undefined) {
  return Object.entries(holds ?? {}).map(([origin, h]) => ({
    origin,
    ...defined({
      freightName: h.freightName,
      promotionName: h.promotionName,
      actor: h.actor,
      createdAt: h.createdAt,
    }),
  }));
}

const originRank = (stage: Stage, origin: string) => {
  const i = stage.spec.requestedFreight.findIndex((r) => r.origin.name === origin);
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
};

/** The dashboard's view of a Stage: derived phase, health, current freight, promotions, holds. */
export function toStageView(stage: Stage, ctx: StageViewContext): StageView {
  const status = stage.status;
  const current = status?.freightHistory?.[0];
  const verification = current?.verificationHistory?.[0];
  const controlFlow = isControlFlowStage(stage);
  const annotations = stage.metadata.annotations ?? {};
  const currentPromotion = promotionRef(status?.currentPromotion);
  const lastPromotion = promotionRef(status?.lastPromotion);
  return {
    ...metaBase(stage.metadata),
    ...defined({
      description: annotations[ANNOTATIONS.description],
      color: stageColor(annotations[ANNOTATIONS.color]),
    }),
    phase: deriveStagePhase(stage),
    // Kargo keeps no health for a control-flow stage (control_flow_stages.go): not "Unknown".
    health: {
      status: controlFlow ? 'NotApplicable' : healthStatus(status?.health?.status),
      issues: status?.health?.issues ?? [],
    },
    conditions: conditionsOf(status?.conditions),
    requestedFreight: stage.spec.requestedFreight.map((r) => ({
      origin: { kind: r.origin.kind, name: r.origin.name },
      direct: r.sources.direct ?? false,
      upstreamStages: r.sources.stages ?? [],
      availabilityStrategy: r.sources.availabilityStrategy === 'All' ? 'All' : 'OneOf',
      ...defined({
        requiredSoakTime: r.sources.requiredSoakTime,
        selectionPolicy: r.sources.autoPromotionOptions?.selectionPolicy,
      }),
    })),
    controlFlow,
    argocdApps: argoCdApps(stage, ctx.argoCdUrl),
    verificationConfigured: (stage.spec.verification?.analysisTemplates?.length ?? 0) > 0,
    // One per origin, in the order the stage requests them (a map carries no order).
    currentFreight: Object.values(current?.items ?? {})
      .map((ref) => {
        const since = ref.name ? ctx.sinceOf?.(ref.name, stage.metadata.name) : undefined;
        return { ...freightRefView(ref, ctx.aliasOf), ...(since ? { since } : {}) };
      })
      .sort((a, b) => originRank(stage, a.origin.name) - originRank(stage, b.origin.name)),
    ...(currentPromotion ? { currentPromotion } : {}),
    ...(lastPromotion ? { lastPromotion } : {}),
    ...(verification ? { verification: verificationView(verification) } : {}),
    autoPromotion: {
      enabled: status?.autoPromotionEnabled ?? false,
      holds: holdsOf(status?.effectiveAutoPromotionHolds ?? status?.autoPromotionHolds),
    },
    refresh: refreshState(stage.metadata, status?.lastHandledRefresh),
  };
}
