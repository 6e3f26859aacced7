import {
  ANNOTATIONS,
  isTerminalPromotionPhase,
  PROMOTION_PHASES,
  type Promotion,
  type PromotionPhase,
} from '@wharf/shared';
import type { PromotionView } from '@wharf/shared/api';
import { defined, metaBase } from './common.js';

function phaseOf(p: Promotion): PromotionPhase {
  const phase = p.status?.phase;
  return (PROMOTION_PHASES as readonly string[]).includes(phase ?? '')
    ? (phase as PromotionPhase)
    : 'Pending';
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Shown as who created a Promotion when Kargo recorded only Wharf's own identity: its webhook
 * replaced the person Wharf named because CONTROLPLANE_USER_REGEX does not match Wharf.
 */
export const CREATED_BY_WHARF = 'Wharf (Kargo did not keep who: see CONTROLPLANE_USER_REGEX)';

export interface PromotionViewContext {
  aliasOf: (freightName: string) => string | undefined;
  /** `kubernetes:<Wharf's own username>`, once Wharf knows it. */
  wharfActor?: string | undefined;
}

/** Who created the Promotion, never claiming a person Kargo did not keep. */
function createdBy(p: Promotion, wharfActor: string | undefined): string | undefined {
  const actor = p.metadata.annotations?.[ANNOTATIONS.createActor];
  return actor !== undefined && actor === wharfActor ? CREATED_BY_WHARF : actor;
}

export function toPromotionView(p: Promotion, ctx: PromotionViewContext): PromotionView {
  const meta = p.status?.stepExecutionMetadata ?? [];
  const state = isRecord(p.status?.state) ? p.status.state : {};
  const steps = (p.spec.steps ?? []).map((step, i) => {
    const exec = meta[i];
    // Kargo's default alias is 0-based `step-<i>`; outputs are keyed by the alias that ran.
    const alias = exec?.alias ?? step.as ?? `step-${i}`;
    const output = state[alias];
    return {
      alias,
      ...defined({
        uses: step.uses,
        task: step.task?.name,
        status: exec?.status,
        message: exec?.message,
        startedAt: exec?.startedAt,
        finishedAt: exec?.finishedAt,
        errorCount: exec?.errorCount,
        config: isRecord(step.config) ? step.config : undefined,
        output: isRecord(output) ? output : undefined,
      }),
    };
  });
  const freight = p.spec.freight ?? p.status?.freight?.name;
  const phase = phaseOf(p);
  return {
    ...metaBase(p.metadata),
    stage: p.spec.stage,
    ...defined({
      freight,
      freightAlias: freight ? ctx.aliasOf(freight) : undefined,
      origin: p.spec.origin ? { kind: p.spec.origin.kind, name: p.spec.origin.name } : undefined,
      message: p.status?.message,
      actor: createdBy(p, ctx.wharfActor),
      startedAt: p.status?.startedAt,
      finishedAt: p.status?.finishedAt,
      currentStep: p.status?.currentStep,
    }),
    phase,
    terminal: isTerminalPromotionPhase(phase),
    steps,
    abortRequested: p.metadata.annotations?.[ANNOTATIONS.abort] !== undefined,
  };
}

/** Promotion names embed a ULID, so name order is creation order; newest first. */
export function comparePromotionNewestFirst(a: Promotion, b: Promotion): number {
  const ca = a.metadata.creationTimestamp ?? '';
  const cb = b.metadata.creationTimestamp ?? '';
  if (ca !== cb) return ca < cb ? 1 : -1;
  return b.metadata.name.localeCompare(a.metadata.name);
}
