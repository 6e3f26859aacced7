import { describe, expect, it } from 'vitest';
import { parseTimeRange, rangeMs } from './freight-time-range';

describe('freight time range', () => {
  it('accepts only the known URL values and treats anything else as no limit', () => {
    expect(parseTimeRange('hour')).toBe('hour');
    expect(parseTimeRange('week')).toBe('week');
    expect(parseTimeRange('')).toBeNull();
    expect(parseTimeRange('year')).toBeNull();
    expect(parseTimeRange(null)).toBeNull();
  });

  it('measures each range in milliseconds, and no range as no limit', () => {
    expect(rangeMs('hour')).toBe(3_600_000);
    expect(rangeMs('day')).toBe(86_400_000);
    expect(rangeMs(null)).toBeUndefined();
  });
});
