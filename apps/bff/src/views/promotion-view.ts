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

export function toPromotionView(
  p: Promotion,
  aliasOf: (freightName: string) => string | undefined,
): PromotionView {
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
      freightAlias: freight ? aliasOf(freight) : undefined,
      origin: p.spec.origin ? { kind: p.spec.origin.kind, name: p.spec.origin.name } : undefined,
      message: p.status?.message,
      actor: p.metadata.annotations?.[ANNOTATIONS.createActor],
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
