import { describe, expect, it } from 'vitest';
import { asksCapabilitiesOf, guardOf, projectsCapabilitiesQuery } from './capabilities';

describe('which batched capabilities an access change in a project asks again', () => {
  const key = projectsCapabilitiesQuery(['beta', 'alpha/test', 'alpha/prod']).queryKey;

  it('those naming the project, alone or through one of its stages', () => {
    expect(asksCapabilitiesOf(key, 'alpha')).toBe(true);
    expect(asksCapabilitiesOf(key, 'beta')).toBe(true);
  });

  it('not those of other projects, even one whose name starts alike', () => {
    expect(asksCapabilitiesOf(key, 'alph')).toBe(false);
    expect(asksCapabilitiesOf(projectsCapabilitiesQuery(['alpha-2/test']).queryKey, 'alpha')).toBe(
      false,
    );
    expect(asksCapabilitiesOf(['project', 'alpha', 'capabilities'], 'alpha')).toBe(false);
  });

  it('every batched query after a join of the cockpit room, none other', () => {
    expect(asksCapabilitiesOf(key)).toBe(true);
    expect(asksCapabilitiesOf(['project', 'alpha', 'capabilities'])).toBe(false);
  });
});

describe('how a guarded control behaves (both guarded buttons)', () => {
  it('refused: disabled, its wrapper focusable and carrying the reason', () => {
    expect(guardOf({ allowed: false, reason: 'No promote in alpha.' })).toEqual({
      reason: 'No promote in alpha.',
      wrapperTabIndex: 0,
      disabled: true,
    });
  });

  it('allowed: enabled with no reason, disabled only while its action runs', () => {
    expect(guardOf({ allowed: true })).toEqual({
      reason: undefined,
      wrapperTabIndex: -1,
      disabled: false,
    });
    expect(guardOf({ allowed: true }, true).disabled).toBe(true);
  });
});
