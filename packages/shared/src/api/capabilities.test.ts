import { describe, expect, it } from 'vitest';
import {
  CapabilitiesSchema,
  compactStageCapabilities,
  stageCapability,
  type CapabilityDecision,
  type StageAction,
} from './capabilities.js';

const yes: CapabilityDecision = { allowed: true };
const no = (reason: string): CapabilityDecision => ({ allowed: false, reason });

describe('compact stage capabilities', () => {
  it('when every stage has the same answers, sends no exceptions and answers each stage from `every`', () => {
    const names = Array.from({ length: 3000 }, (_, i) => `s${i}`);
    const caps = compactStageCapabilities(names, () => yes);
    expect(caps.except).toEqual({});
    expect(stageCapability(caps, 's2999', 'delete')).toEqual(yes);
    expect(JSON.stringify(caps).length).toBeLessThan(40_000);
  });

  it('keeps each stage whose answer differs, only for the actions that differ', () => {
    const decide = (stage: string, action: StageAction) =>
      stage === 'prod' && action === 'promote'
        ? no('control-flow')
        : stage === 'dev'
          ? no('x')
          : yes;
    const caps = compactStageCapabilities(['dev', 'qa', 'uat', 'prod'], decide);
    expect(caps.except.prod).toEqual({ promote: no('control-flow') });
    expect(Object.keys(caps.except.dev ?? {})).toHaveLength(7);
    for (const stage of ['dev', 'qa', 'uat', 'prod'])
      for (const action of ['promote', 'refresh', 'approve'] as const)
        expect(stageCapability(caps, stage, action)).toEqual(decide(stage, action));
  });

  it('takes the most common answer as `every`, so a role limited to a few stages lists only those', () => {
    const names = ['a', 'b', 'c', 'd', 'e'];
    const caps = compactStageCapabilities(names, (s) => (s === 'c' ? yes : no('denied')));
    expect(caps.every.promote).toEqual(no('denied'));
    expect(Object.keys(caps.except)).toEqual(['c']);
  });

  it('answers undefined for a stage that was not asked about, and the wire schema accepts the shape', () => {
    const caps = compactStageCapabilities(['a'], () => yes);
    expect(stageCapability(caps, 'zzz', 'promote')).toBeUndefined();
    const parsed = CapabilitiesSchema.parse({
      project: 'p',
      actor: 'admin',
      projectActions: Object.fromEntries(
        CapabilitiesSchema.shape.projectActions.keyof().options.map((a) => [a, yes]),
      ),
      stages: caps,
    });
    expect(parsed.stages.names).toEqual(['a']);
  });
});
