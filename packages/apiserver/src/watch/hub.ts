// Keeps a window of recent commit events so watches can resume from a resourceVersion, and fans
// new events out to live watchers. Resuming from before the window answers 410 Gone.
import type { CommitEvent, Store } from '../storage/store.js';

export interface Watcher {
  gr: string;
  deliver(e: CommitEvent): void;
}

export class WatchHub {
  private window: CommitEvent[] = [];
  /** Every event with rv greater than this is in the window. */
  private windowStart: number;
  private watchers = new Set<Watcher>();

  constructor(
    private readonly store: Store,
    private readonly size: number,
  ) {
    this.windowStart = store.currentRv();
    store.onCommit((e) => this.publish(e));
  }

  private publish(e: CommitEvent): void {
    this.window.push(e);
    if (this.window.length > this.size) {
      const dropped = this.window.splice(0, this.window.length - this.size);
      const last = dropped[dropped.length - 1];
      if (last) this.windowStart = last.rv;
    }
    for (const w of this.watchers) if (w.gr === e.gr) w.deliver(e);
  }

  /** Events after `rv` for `gr`, or undefined when `rv` is older than the window. */
  since(gr: string, rv: number): CommitEvent[] | undefined {
    if (rv < this.windowStart) return undefined;
    return this.window.filter((e) => e.rv > rv && e.gr === gr);
  }

  lastPublished(): number {
    return this.window[this.window.length - 1]?.rv ?? this.windowStart;
  }

  oldest(): number {
    return this.windowStart;
  }

  add(w: Watcher): () => void {
    this.watchers.add(w);
    return () => this.watchers.delete(w);
  }

  count(): number {
    return this.watchers.size;
  }
}
