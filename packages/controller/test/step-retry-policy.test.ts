import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  DEFAULT_RETRY_BACKOFF,
  errorThreshold,
  retryVerdict,
} from '../src/promotion/step-retry.js';

const step = (retry?: { errorThreshold?: number; timeout?: string }) => ({
  uses: 'git-clone',
  ...(retry ? { retry } : {}),
});
const start = '2026-01-01T00:00:00Z';
const at = (seconds: number) => new Date(Date.parse(start) + seconds * 1000);

describe('step retry policy', () => {
  it('uses Kargo default threshold 1 when errorThreshold is unset or 0', () => {
    expect(errorThreshold(step())).toBe(1);
    expect(errorThreshold(step({ errorThreshold: 0 }))).toBe(1);
    expect(errorThreshold(step({ errorThreshold: 4 }))).toBe(4);
  });

  it('retries below the threshold and gives up with the last error when it is reached', () => {
    const s = step({ errorThreshold: 3 });
    const meta = { startedAt: start, message: 'boom' };
    expect(retryVerdict(s, 'clone', { ...meta, errorCount: 2 }, at(1))).toBeUndefined();
    expect(retryVerdict(s, 'clone', { ...meta, errorCount: 3 }, at(1))).toBe(
      'step "clone" met error threshold of 3: boom',
    );
  });

  it('ends the step once retry.timeout has passed since its first start, not before', () => {
    const s = step({ errorThreshold: 100, timeout: '1m' });
    const meta = { startedAt: start, message: 'boom', errorCount: 5 };
    expect(retryVerdict(s, 'clone', meta, at(60))).toBeUndefined();
    expect(retryVerdict(s, 'clone', meta, at(61))).toBe('step "clone" timed out after 1m0s');
  });

  it('doubles the backoff after each error up to its cap', () => {
    const waits = [1, 2, 3, 6, 10].map((n) => backoffMs(n, DEFAULT_RETRY_BACKOFF));
    expect(waits).toEqual([1000, 2000, 4000, 30_000, 30_000]);
  });
});
