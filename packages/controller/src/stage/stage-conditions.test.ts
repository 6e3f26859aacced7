import { deriveStagePhase, type Stage, type StageStatus } from '@wharf/shared';
import { realStatusProject } from '@wharf/shared/fixtures';
import { describe, expect, it } from 'vitest';
import { controlFlowStageStatus, regularStageStatus } from './stage-conditions.js';

// Each stage of the real-status fixture carries what Kargo v1.11 wrote. Give the embedded
// rules the same history (freight, promotions, verifications) and compare what they derive.
const fx = realStatusProject();
const NOW = '2026-01-15T12:00:00Z';
// observedGeneration is carried over: Kargo sets it only when the Stage is Ready.
const DERIVED = ['conditions', 'health', 'freightSummary'] as const;

function inputOf(s: Stage): StageStatus {
  const status: Record<string, unknown> = Object.fromEntries(
    Object.entries(s.status ?? {}).filter(([k]) => !(DERIVED as readonly string[]).includes(k)),
  );
  // While promoting, Kargo leaves Verified as it was: the one condition carried over.
  const verified = s.status?.conditions?.filter((c) => c.type === 'Verified');
  if (s.status?.currentPromotion && verified?.length) status['conditions'] = verified;
  return status as StageStatus;
}

const comparable = (s: StageStatus | undefined) => ({
  conditions: (s?.conditions ?? [])
    .map(({ lastTransitionTime: _t, ...c }) => c)
    .sort((a, b) => a.type.localeCompare(b.type)),
  health: s?.health,
  freightSummary: s?.freightSummary,
  observedGeneration: s?.observedGeneration,
});

const phaseOf = (name: string) =>
  fx.promotions.find((p) => p.metadata.name === name)?.status?.phase;

// prod-east's health comes from Argo CD, which the embedded cluster cannot ask.
const ARGO_CD_HEALTH = new Set(['prod-east']);
const regular = fx.stages.filter(
  (s) => s.spec.promotionTemplate?.spec.steps?.length && !ARGO_CD_HEALTH.has(s.metadata.name),
);

describe("the embedded stage rules derive what Kargo's reconcilers wrote", () => {
  it.each(regular.map((s) => [s.metadata.name, s] as const))('for %s', (_name, stage) => {
    const current = stage.status?.currentPromotion?.name;
    const out = regularStageStatus(
      stage,
      inputOf(stage),
      {
        ...(current ? { promoting: { name: current, phase: phaseOf(current) } } : {}),
        justSucceeded: false,
      },
      NOW,
    );
    expect(comparable(out)).toEqual(comparable(stage.status));
  });

  it('for the control-flow stage', () => {
    const gate = fx.stages.find((s) => s.metadata.name === 'gate');
    if (!gate) throw new Error('no gate stage in the fixture');
    expect(comparable(controlFlowStageStatus(gate, inputOf(gate), NOW))).toEqual(
      comparable(gate.status),
    );
  });

  it('a stage Kargo never promoted to reads NoFreight, though Verified is Unknown', () => {
    const fresh = fx.stages.find((s) => s.metadata.name === 'fresh');
    if (!fresh) throw new Error('no fresh stage in the fixture');
    const out = regularStageStatus(fresh, {}, { justSucceeded: false }, NOW);
    expect(out.conditions?.find((c) => c.type === 'Verified')).toMatchObject({
      status: 'Unknown',
      reason: 'NoFreight',
    });
    expect(deriveStagePhase({ status: out })).toBe('NoFreight');
  });

  it('just after a promotion succeeded, before verification starts, the stage waits for verification', () => {
    const qa = fx.stages.find((s) => s.metadata.name === 'qa');
    if (!qa?.status?.freightHistory?.[0]) throw new Error('no qa stage in the fixture');
    const history = [{ ...qa.status.freightHistory[0], verificationHistory: [] }];
    const out = regularStageStatus(
      qa,
      { ...inputOf(qa), freightHistory: history },
      { justSucceeded: true },
      NOW,
    );
    expect(out.conditions?.find((c) => c.type === 'Verified')?.reason).toBe(
      'WaitingForVerification',
    );
    expect(deriveStagePhase({ status: out })).toBe('Verifying');
  });
});
