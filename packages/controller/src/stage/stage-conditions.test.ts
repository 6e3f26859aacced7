import { deriveStagePhase, type Stage } from '@wharf/shared';
import { describe, expect, it } from 'vitest';
import { stageConditions } from './stage-conditions.js';

const NOW = '2026-01-15T12:00:00Z';
const stageWith = (status: NonNullable<Stage['status']>): Stage => ({
  metadata: { name: 's' },
  spec: { requestedFreight: [] },
  status,
});

describe('stage conditions', () => {
  it('a stage with no freight is NoFreight, not Verifying: it carries no Verified condition', () => {
    const conditions = stageConditions({}, { promoting: false, hasFreight: false }, NOW);
    expect(conditions.find((c) => c.type === 'Verified')).toBeUndefined();
    expect(conditions.find((c) => c.type === 'Ready')).toMatchObject({
      status: 'False',
      reason: 'NoFreight',
    });
    expect(deriveStagePhase(stageWith({ conditions }))).toBe('NoFreight');
  });

  it('a stage whose freight is not yet verified is Verifying', () => {
    const conditions = stageConditions(
      {},
      { promoting: false, hasFreight: true, lastPhase: 'Succeeded' },
      NOW,
    );
    expect(deriveStagePhase(stageWith({ conditions }))).toBe('Verifying');
  });
});
