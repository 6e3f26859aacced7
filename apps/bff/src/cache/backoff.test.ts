import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';

describe('backoffDelay', () => {
  const delays = { initialMs: 100, maxMs: 1000 };
  it('doubles from the initial delay and never exceeds the cap (jitter ±20%)', () => {
    expect(backoffDelay(0, delays, () => 0.5)).toBe(100);
    expect(backoffDelay(3, delays, () => 0.5)).toBe(800);
    expect(backoffDelay(10, delays, () => 0.5)).toBe(1000);
    expect(backoffDelay(10, delays, () => 1)).toBe(1200);
    expect(backoffDelay(0, delays, () => 0)).toBe(80);
  });
});
