const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};
const PART = /(\d*\.?\d*)(ns|us|µs|μs|ms|s|m|h)/y;

/**
 * Parses a Go `time.Duration` string (`"1h30m"`, `"90s"`, `"1.5h"`, `"-2m"`, `"0"`) into
 * milliseconds. Returns null for anything Go's time.ParseDuration would reject.
 */
export function parseGoDuration(input: string): number | null {
  let s = input.trim();
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    sign = s.startsWith('-') ? -1 : 1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return null;
  let total = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < s.length) {
    const match = PART.exec(s);
    const [, num, unit] = match ?? [];
    if (!match || num === undefined || unit === undefined) return null;
    if (num === '' || num === '.') return null;
    const factor = UNIT_MS[unit];
    if (factor === undefined) return null;
    total += Number(num) * factor;
  }
  return sign * total;
}

/** Short human form of a duration: `2h 5m`, `45s`, `0s`. Rounds up to whole seconds. */
export function formatDuration(ms: number): string {
  let seconds = Math.max(0, Math.ceil(ms / 1000));
  const days = Math.floor(seconds / 86_400);
  seconds -= days * 86_400;
  const hours = Math.floor(seconds / 3600);
  seconds -= hours * 3600;
  const minutes = Math.floor(seconds / 60);
  seconds -= minutes * 60;
  const parts: string[] = [];
  if (days) parts.push(`${days}d`);
  if (hours) parts.push(`${hours}h`);
  if (minutes) parts.push(`${minutes}m`);
  if (seconds || parts.length === 0) parts.push(`${seconds}s`);
  return parts.slice(0, 2).join(' ');
}
