import { describe, expect, it } from 'vitest';
import { freightView, stageView } from '../../lib/testing/views';
import { soakRemaining } from './soak';

describe('soakRemaining', () => {
  const prod = stageView('prod', [{ origin: 'w', stages: ['uat'], soak: '1h' }]);
  const now = Date.parse('2026-01-01T12:00:00Z');

  it('counts down from the upstream verification time plus the required soak', () => {
    const f = freightView(
      'f',
      'w',
      {},
      { verifiedIn: [{ stage: 'uat', verifiedAt: '2026-01-01T11:30:00Z' }] },
    );
    expect(soakRemaining(prod, f, now)).toBe(30 * 60_000);
  });

  it('is zero once soaked, and undefined when not verified upstream', () => {
    const soaked = freightView(
      'f',
      'w',
      {},
      { verifiedIn: [{ stage: 'uat', verifiedAt: '2026-01-01T10:00:00Z' }] },
    );
    expect(soakRemaining(prod, soaked, now)).toBe(0);
    expect(soakRemaining(prod, freightView('g', 'w', {}), now)).toBeUndefined();
  });
});
