/** Time and timers, injectable so tests run reconcilers fast and deterministically. */
export interface Clock {
  now(): Date;
  setTimeout(fn: () => void, ms: number): { cancel(): void };
}

export const systemClock: Clock = {
  now: () => new Date(),
  setTimeout(fn, ms) {
    const t = setTimeout(fn, ms);
    t.unref();
    return { cancel: () => clearTimeout(t) };
  },
};

/** RFC3339 without milliseconds, as Kubernetes serializes metav1.Time. */
export function rfc3339(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Parses Go durations like `5m0s`, `1h30m`, `10s`, `500ms` into milliseconds. */
export function parseDuration(text: string | undefined, fallbackMs: number): number {
  if (!text) return fallbackMs;
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/g;
  let total = 0;
  let matched = '';
  for (const m of text.matchAll(re)) {
    const n = Number(m[1]);
    const unit = m[2];
    total += unit === 'h' ? n * 3_600_000 : unit === 'm' ? n * 60_000 : unit === 's' ? n * 1000 : n;
    matched += m[0];
  }
  return matched === text && matched !== '' ? total : fallbackMs;
}

/** Formats milliseconds as a Go duration string (`1h2m3s`). */
export function formatDuration(ms: number): string {
  let s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  if (h) return `${h}h${m}m${s}s`;
  if (m) return `${m}m${s}s`;
  return `${s}s`;
}
