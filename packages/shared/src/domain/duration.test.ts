import { describe, expect, it } from 'vitest';
import { formatDuration, parseGoDuration } from './duration.js';

describe('parseGoDuration', () => {
  it.each([
    ['5m0s', 300_000],
    ['1h30m', 5_400_000],
    ['1.5h', 5_400_000],
    ['90s', 90_000],
    ['250ms', 250],
    ['1m0.5s', 60_500],
    ['0', 0],
    ['-2m', -120_000],
    ['+1s', 1000],
    ['.5s', 500],
    ['1000us', 1],
    ['2000000ns', 2],
  ])('reads %s as %d ms', (input, expected) => {
    expect(parseGoDuration(input)).toBeCloseTo(expected, 6);
  });

  it.each(['', '5', 'h', '1d', '1h 30m', '1.h2', 'abc', '1hh', '-', '.s'])(
    'rejects %j like Go does',
    (input) => {
      expect(parseGoDuration(input)).toBeNull();
    },
  );
});

describe('formatDuration', () => {
  it('shows the two largest units a person reads at a glance', () => {
    expect(formatDuration(5_400_000)).toBe('1h 30m');
    expect(formatDuration(90_061_000)).toBe('1d 1h');
    expect(formatDuration(45_000)).toBe('45s');
    expect(formatDuration(0)).toBe('0s');
  });

  it('rounds a remaining fraction of a second up, so "0s left" never shows while waiting', () => {
    expect(formatDuration(1)).toBe('1s');
  });
});
