/** "12s", "5m", "3h", "4d": a compact age for cards and nodes. */
export function formatAge(from: string | number | undefined, now = Date.now()): string {
  if (from === undefined) return '—';
  const t = typeof from === 'number' ? from : Date.parse(from);
  if (Number.isNaN(t)) return '—';
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h`;
  return `${Math.floor(h / 24)}d`;
}

/** "1m 05s" style duration between two times (or until now while running). */
export function formatDuration(start: string | undefined, end?: string, now = Date.now()): string {
  if (!start) return '—';
  const ms = (end ? Date.parse(end) : now) - Date.parse(start);
  if (Number.isNaN(ms)) return '—';
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
}

/** Parses Go durations as Kargo writes them ("1h30m", "10m0s", "45s") into milliseconds. */
export function parseGoDuration(text: string | undefined): number {
  if (!text) return 0;
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
  let total = 0;
  for (const [, n, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) {
    total += Number(n) * (units[unit ?? 's'] ?? 0);
  }
  return total;
}
