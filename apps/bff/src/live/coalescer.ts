export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as NodeJS.Timeout),
};

/**
 * Collects changes per key over a short window and hands over one batch per window.
 * Invariant: the newest value of every key added is flushed exactly once; a key changed
 * again after its flush lands in the next batch, so no update is lost.
 */
export class Coalescer<K, V> {
  private pending = new Map<K, V>();
  private handle: unknown;

  constructor(
    private readonly windowMs: number,
    private readonly flush: (batch: Map<K, V>) => void,
    private readonly timers: Timers = realTimers,
  ) {}

  add(key: K, value: V): void {
    this.pending.set(key, value);
    if (this.handle === undefined) {
      this.handle = this.timers.set(() => this.flushNow(), this.windowMs);
    }
  }

  get size(): number {
    return this.pending.size;
  }

  flushNow(): void {
    if (this.handle !== undefined) this.timers.clear(this.handle);
    this.handle = undefined;
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    this.flush(batch);
  }

  /** Drops what is pending, e.g. when the room resets and a snapshot replaces every delta. */
  clear(): void {
    if (this.handle !== undefined) this.timers.clear(this.handle);
    this.handle = undefined;
    this.pending.clear();
  }
}
