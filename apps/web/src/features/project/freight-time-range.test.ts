import { describe, expect, it } from 'vitest';
import { freightTime, parseTimeRange, withinTimeRange } from './freight-time-range';

const NOW = Date.parse('2026-01-10T12:00:00Z');
const ago = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();

describe('freight time range', () => {
  it('accepts only the known URL values and treats anything else as no limit', () => {
    expect(parseTimeRange('hour')).toBe('hour');
    expect(parseTimeRange('week')).toBe('week');
    expect(parseTimeRange('')).toBeNull();
    expect(parseTimeRange('year')).toBeNull();
    expect(parseTimeRange(null)).toBeNull();
  });

  it('dates freight by discoveredAt, falling back to createdAt when discovery is absent or invalid', () => {
    expect(freightTime({ discoveredAt: ago(5), createdAt: ago(500) })).toBe(NOW - 5 * 60_000);
    expect(freightTime({ createdAt: ago(30) })).toBe(NOW - 30 * 60_000);
    expect(freightTime({ discoveredAt: 'not a time', createdAt: ago(30) })).toBe(NOW - 30 * 60_000);
    expect(freightTime({})).toBeUndefined();
  });

  it('keeps freight inside the window and drops older freight, at each range', () => {
    const recent = { discoveredAt: ago(59) };
    const yesterday = { discoveredAt: ago(23 * 60) };
    const lastMonth = { createdAt: ago(30 * 24 * 60) };
    expect([recent, yesterday, lastMonth].map((f) => withinTimeRange(f, 'hour', NOW))).toEqual([
      true,
      false,
      false,
    ]);
    expect([recent, yesterday, lastMonth].map((f) => withinTimeRange(f, 'day', NOW))).toEqual([
      true,
      true,
      false,
    ]);
    expect([recent, yesterday, lastMonth].map((f) => withinTimeRange(f, 'week', NOW))).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('without a range shows everything, even freight with no timestamps', () => {
    expect(withinTimeRange({}, null, NOW)).toBe(true);
    expect(withinTimeRange({ createdAt: ago(99_999) }, null, NOW)).toBe(true);
  });

  it('leaves freight with no timestamps out of any range, since its age is unknown', () => {
    expect(withinTimeRange({}, 'week', NOW)).toBe(false);
  });
});
