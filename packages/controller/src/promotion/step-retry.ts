import type { PromotionStep, StepExecutionMetadata } from '@wharf/shared';
import { type Clock, formatDuration, parseDuration } from '../kube/clock.js';

/** Kargo's system-wide default: a step that errors once ends the Promotion (no retry). */
export const DEFAULT_ERROR_THRESHOLD = 1;

/** Waits between attempts of an erroring step: doubling from `baseMs`, never above `maxMs`. */
export interface RetryBackoff {
  baseMs: number;
  maxMs: number;
}
export const DEFAULT_RETRY_BACKOFF: RetryBackoff = { baseMs: 1000, maxMs: 30_000 };

export function errorThreshold(step: PromotionStep): number {
  const n = step.retry?.errorThreshold ?? 0;
  return n > 0 ? n : DEFAULT_ERROR_THRESHOLD;
}

/** `retry.timeout` in ms; 0 (Kargo's default) means retries are bounded only by the threshold. */
export function retryTimeoutMs(step: PromotionStep): number {
  return parseDuration(step.retry?.timeout, 0);
}

export function backoffMs(errorCount: number, b: RetryBackoff): number {
  return Math.min(b.maxMs, b.baseMs * 2 ** Math.max(0, errorCount - 1));
}

/**
 * After an Errored attempt (errorCount already counted): the message ending the step, or
 * undefined when it is to be retried. Like Kargo, the timeout is checked after the attempt, from
 * the step's first start, so a step may run once past it.
 */
export function retryVerdict(
  step: PromotionStep,
  alias: string,
  meta: StepExecutionMetadata,
  now: Date,
): string | undefined {
  const threshold = errorThreshold(step);
  const count = meta.errorCount ?? 0;
  const last = meta.message ?? 'no details provided';
  if (count >= threshold) return `step "${alias}" met error threshold of ${threshold}: ${last}`;
  const timeout = retryTimeoutMs(step);
  const started = meta.startedAt ? Date.parse(meta.startedAt) : now.getTime();
  if (timeout > 0 && now.getTime() - started > timeout)
    return `step "${alias}" timed out after ${formatDuration(timeout)}`;
  return undefined;
}

/** Sleeps on the injectable clock; rejects with the signal's reason as soon as it is aborted. */
export function sleep(clock: Clock, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = () =>
      reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    if (signal.aborted) return fail();
    const onAbort = () => {
      timer.cancel();
      fail();
    };
    const timer = clock.setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
