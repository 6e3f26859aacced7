import type { Clock } from './clock.js';

export type ReconcileResult = { requeueAfterMs?: number } | undefined;
export type Reconcile = (key: string) => Promise<ReconcileResult>;

export interface QueueLogger {
  error(obj: object, msg?: string): void;
}

/**
 * A keyed work queue like client-go's: a key is never reconciled twice at once, bursts of
 * adds collapse into one run, failures retry with capped exponential backoff, and a reconcile
 * may ask to run again after a delay.
 */
export class WorkQueue {
  private readonly dirty = new Set<string>();
  private readonly running = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly timers = new Map<string, { cancel(): void }>();
  private active = 0;
  private stopped = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly name: string,
    private readonly reconcile: Reconcile,
    private readonly clock: Clock,
    private readonly logger: QueueLogger,
    private readonly concurrency = 4,
  ) {}

  add(key: string): void {
    if (this.stopped) return;
    this.dirty.add(key);
    this.pump();
  }

  addAfter(key: string, ms: number): void {
    if (this.stopped) return;
    this.timers.get(key)?.cancel();
    this.timers.set(
      key,
      this.clock.setTimeout(() => {
        this.timers.delete(key);
        this.add(key);
      }, ms),
    );
  }

  /** Resolves when nothing is queued or running (tests and shutdown). */
  idle(): Promise<void> {
    if (this.active === 0 && this.dirty.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.dirty.clear();
    for (const t of this.timers.values()) t.cancel();
    this.timers.clear();
    await this.idle();
  }

  private pump(): void {
    // Iterates the live set (deleting the current key is safe): copying it on every add made a
    // burst of adds quadratic in the backlog.
    for (const key of this.dirty) {
      if (this.active >= this.concurrency) return;
      if (this.running.has(key)) continue;
      this.dirty.delete(key);
      this.running.add(key);
      this.active++;
      void this.run(key);
    }
    if (this.active === 0 && this.dirty.size === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  private async run(key: string): Promise<void> {
    try {
      const result = await this.reconcile(key);
      this.failures.delete(key);
      if (result?.requeueAfterMs !== undefined) this.addAfter(key, result.requeueAfterMs);
    } catch (err) {
      const n = (this.failures.get(key) ?? 0) + 1;
      this.failures.set(key, n);
      this.logger.error(
        { queue: this.name, key, err: String(err), attempt: n },
        'reconcile failed',
      );
      this.addAfter(key, Math.min(100 * 2 ** n, 30_000));
    } finally {
      this.running.delete(key);
      this.active--;
      this.pump();
    }
  }
}
