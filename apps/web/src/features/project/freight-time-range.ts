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

/** The length of a range in milliseconds (undefined: no limit). */
export function rangeMs(range: TimeRange | null): number | undefined {
  return TIME_RANGES.find((r) => r.value === range)?.ms;
}
