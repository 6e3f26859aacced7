import type { FreightView } from '@wharf/shared/api';

/** The timeline's time windows, by URL value; `all` (no param) shows everything. */
export const TIME_RANGES = [
  { value: 'hour', label: 'Last hour', ms: 60 * 60 * 1000 },
  { value: 'day', label: 'Last 24 hours', ms: 24 * 60 * 60 * 1000 },
  { value: 'week', label: 'Last 7 days', ms: 7 * 24 * 60 * 60 * 1000 },
] as const;
export type TimeRange = (typeof TIME_RANGES)[number]['value'];

/** An unknown URL value (hand-edited or from an older link) means no time limit. */
export function parseTimeRange(value: string | null | undefined): TimeRange | null {
  return TIME_RANGES.find((r) => r.value === value)?.value ?? null;
}

/** When the freight appeared: discovery time, else creation time; undefined when neither parses. */
export function freightTime(
  f: Pick<FreightView, 'discoveredAt' | 'createdAt'>,
): number | undefined {
  for (const t of [f.discoveredAt, f.createdAt]) {
    const ms = t ? Date.parse(t) : NaN;
    if (!Number.isNaN(ms)) return ms;
  }
  return undefined;
}

/** Whether the freight appeared within the range before `now`; freight with no known time is kept out of any range. */
export function withinTimeRange(
  f: Pick<FreightView, 'discoveredAt' | 'createdAt'>,
  range: TimeRange | null,
  now: number,
): boolean {
  if (!range) return true;
  const ms = TIME_RANGES.find((r) => r.value === range)?.ms ?? Infinity;
  const t = freightTime(f);
  return t !== undefined && now - t <= ms;
}
