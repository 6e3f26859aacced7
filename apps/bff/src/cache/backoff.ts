export interface BackoffDelays {
  /** Delay before the first retry. */
  initialMs: number;
  /** Upper bound, reached by doubling. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffDelays = { initialMs: 250, maxMs: 30_000 };

/** Capped exponential backoff with ±20% jitter so many informers don't retry in lockstep. */
export function backoffDelay(attempt: number, delays: BackoffDelays, random = Math.random): number {
  const base = Math.min(delays.maxMs, delays.initialMs * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.8 + 0.4 * random()));
}
