import { describe, expect, it } from 'vitest';
import type { Condition } from '../kargo/meta.js';
import { deriveStagePhase, describeStagePhase } from './stage-phase.js';

function cond(type: string, status: Condition['status'], reason = 'Because'): Condition {
  return { type, status, reason, message: `${type} is ${status}`, lastTransitionTime: 'x' };
}
const stage = (...conditions: Condition[]) => ({ status: { conditions } });

describe('deriveStagePhase', () => {
  it('says Promoting while a promotion runs, whatever else is reported', () => {
    expect(
      deriveStagePhase(
        stage(cond('Ready', 'False'), cond('Verified', 'Unknown'), cond('Promoting', 'True')),
      ),
    ).toBe('Promoting');
  });

  it('says Verifying when verification is pending and nothing is promoting', () => {
    expect(
      deriveStagePhase(
        stage(cond('Promoting', 'False'), cond('Verified', 'Unknown'), cond('Ready', 'False')),
      ),
    ).toBe('Verifying');
  });

  it('says Reconciling before looking at Ready', () => {
    expect(deriveStagePhase(stage(cond('Reconciling', 'True'), cond('Ready', 'False')))).toBe(
      'Reconciling',
    );
  });

  it('says Failed when Ready is False for a real reason', () => {
    expect(deriveStagePhase(stage(cond('Ready', 'False', 'LastPromotionFailed')))).toBe('Failed');
  });

  it('says NoFreight, not Failed, when the stage never received freight', () => {
    expect(deriveStagePhase(stage(cond('Ready', 'False', 'NoFreight')))).toBe('NoFreight');
  });

  it('says NoFreight for a stage Kargo never promoted to, though Verified is Unknown', () => {
    // What Kargo v1.11's stage reconciler writes for a new Stage.
    const fresh = stage(
      cond('Ready', 'False', 'NoFreight'),
      cond('Healthy', 'Unknown', 'NoFreight'),
      cond('Verified', 'Unknown', 'NoFreight'),
    );
    expect(deriveStagePhase(fresh)).toBe('NoFreight');
  });

  it('says Failed when the first promotion failed: Verified=Unknown NoFreight does not hide it', () => {
    expect(
      deriveStagePhase(
        stage(
          cond('Verified', 'Unknown', 'NoFreight'),
          cond('Ready', 'False', 'LastPromotionFailed'),
        ),
      ),
    ).toBe('Failed');
  });

  it('says Ready when Ready is True and nothing earlier matched', () => {
    expect(
      deriveStagePhase(
        stage(cond('Ready', 'True'), cond('Verified', 'True'), cond('Healthy', 'True')),
      ),
    ).toBe('Ready');
  });

  it('says Unknown with no status, no conditions, or Ready Unknown', () => {
    expect(deriveStagePhase({})).toBe('Unknown');
    expect(deriveStagePhase(stage())).toBe('Unknown');
    expect(deriveStagePhase(stage(cond('Ready', 'Unknown')))).toBe('Unknown');
  });

  it('ignores Verified=False and Promoting=False when picking the phase', () => {
    expect(
      deriveStagePhase(
        stage(cond('Verified', 'False'), cond('Promoting', 'False'), cond('Ready', 'True')),
      ),
    ).toBe('Ready');
  });

  it('returns the condition that decided, so the UI can show its message', () => {
    const detail = describeStagePhase(stage(cond('Ready', 'False', 'LastPromotionFailed')));
    expect(detail.condition?.message).toBe('Ready is False');
  });
});
