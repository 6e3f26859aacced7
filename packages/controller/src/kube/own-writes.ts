// Read-your-writes for informer caches. Reconcilers read from watch-fed caches (a LIST per
// reconcile made work grow with stages × freight), but a cache that has not yet seen the
// controller's own last write would repeat it: verify Freight twice, auto-promote twice. So every
// write through KargoApi is recorded with the resourceVersion the server answered, the informers
// report every event they apply, and `settled()` waits until the caches hold every write made
// before it was called. resourceVersions are only compared for equality, never ordered.
import { systemClock } from './clock.js';

/**
 * What a write leaves in the cache: a version of the object (uid), or the object's absence. An
 * update that removes the last finalizer of a deleting object is shown only as its deletion.
 */
export type Written = { rv: string; uid?: string } | { deletedUid: string };

/** The resourceVersion an informer holds for an object, undefined when it holds none. */
export type Peek = (namespace: string | undefined, name: string) => string | undefined;

interface Waiter {
  upTo: number;
  resolve: () => void;
  timer: { cancel(): void };
}

interface Logger {
  warn(obj: object, msg?: string): void;
}

/**
 * A watch delivers every change in order and a re-list (which may skip events) releases what it
 * covers, so a write is always shown; this only guards against a bug. Waiting is correct under
 * load, reading on is not: keep it long.
 */
const MAX_WAIT_MS = 60_000;
/** Events remembered, so a write whose event came before its response is not waited for. */
const SEEN_LIMIT = 10_000;

export class OwnWrites {
  /** Object key → what the caches must show, the object's uid, and the write's sequence number. */
  private readonly pending = new Map<string, { mark: string; uid?: string; seq: number }>();
  private readonly seen = new Set<string>();
  private waiters: Waiter[] = [];
  private seq = 0;
  /** Kinds an informer caches, with what it holds now; writes to other kinds are not waited for. */
  private readonly cached = new Map<string, Peek>();
  private closed = false;

  constructor(private readonly logger: Logger) {}

  /** An informer caches this kind, reports its events, and tells its cached resourceVersion. */
  watch(kind: string, peek: Peek): void {
    this.cached.set(kind, peek);
  }

  /** Marks the writes recorded so far, for `relisted`. */
  mark(): number {
    return this.seq;
  }

  /** An informer re-listed `kind` with a LIST sent after `mark`: that list holds those writes. */
  relisted(kind: string, mark: number): void {
    for (const [k, p] of this.pending)
      if (p.seq <= mark && k.startsWith(`${kind}/`)) this.pending.delete(k);
    this.wake();
  }

  /** Records a write the server acknowledged. */
  wrote(kind: string, namespace: string | undefined, name: string, what: Written): void {
    const peek = this.cached.get(kind);
    if (this.closed || !peek) return;
    const k = key(kind, namespace, name);
    const m = mark(what);
    // Already there: its event came first, or the write changed nothing and made no event.
    const now = peek(namespace, name);
    if ('rv' in what ? now === what.rv : now === undefined) {
      this.pending.delete(k);
      return;
    }
    // The watch event may have been applied before the response arrived.
    const uid = 'rv' in what ? what.uid : what.deletedUid;
    const gone = uid !== undefined && this.seen.has(`${k} ${mark({ deletedUid: uid })}`);
    if (this.seen.has(`${k} ${m}`) || gone) this.pending.delete(k);
    else this.pending.set(k, { mark: m, ...(uid !== undefined ? { uid } : {}), seq: ++this.seq });
  }

  /** Stops waiting, now and later: the controller is stopping. */
  close(): void {
    this.closed = true;
    for (const w of this.waiters) {
      w.timer.cancel();
      w.resolve();
    }
    this.waiters = [];
    this.pending.clear();
  }

  /** Every event an informer applied to its cache. */
  observed(kind: string, namespace: string | undefined, name: string, what: Written): void {
    const k = key(kind, namespace, name);
    const m = mark(what);
    this.seen.add(`${k} ${m}`);
    if (this.seen.size > SEEN_LIMIT) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    const p = this.pending.get(k);
    if (!p) return;
    // The object's deletion shows every earlier write to it.
    const deleted = 'deletedUid' in what && p.uid === what.deletedUid;
    if (p.mark !== m && !deleted) return;
    this.pending.delete(k);
    this.wake();
  }

  /** Resolves once the caches show every write recorded before this call. */
  settled(): Promise<void> {
    const upTo = this.seq;
    if (!this.blocks(upTo)) return Promise.resolve();
    return new Promise((resolve) => {
      // Real time even under a test clock: this is a safety net, not behaviour to simulate.
      const timer = systemClock.setTimeout(() => this.expire(upTo), MAX_WAIT_MS);
      this.waiters.push({ upTo, resolve, timer });
    });
  }

  private blocks(upTo: number): boolean {
    for (const p of this.pending.values()) if (p.seq <= upTo) return true;
    return false;
  }

  private wake(): void {
    if (!this.waiters.length) return;
    const still: Waiter[] = [];
    for (const w of this.waiters) {
      if (this.blocks(w.upTo)) still.push(w);
      else {
        w.timer.cancel();
        w.resolve();
      }
    }
    this.waiters = still;
  }

  /** A write the caches never showed: stop waiting for it, loudly. */
  private expire(upTo: number): void {
    const stale: string[] = [];
    for (const [k, p] of this.pending)
      if (p.seq <= upTo) {
        stale.push(k);
        this.pending.delete(k);
      }
    if (stale.length)
      this.logger.warn(
        { writes: stale.slice(0, 10), count: stale.length },
        'informer caches did not show these writes in time; reading on',
      );
    this.wake();
  }
}

const key = (kind: string, namespace: string | undefined, name: string) =>
  `${kind}/${namespace ?? ''}/${name}`;
const mark = (w: Written) => ('rv' in w ? `rv=${w.rv}` : `deleted uid=${w.deletedUid}`);
