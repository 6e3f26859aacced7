// In-memory object store made durable by the WAL. Writes change memory synchronously (so
// optimistic-concurrency checks and writes never interleave) and resolve once fsync'd; commit
// listeners (the watch hub, controllers) hear about a write only after it is durable.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { KObj } from '../util/kobj.js';
import { readSnapshot, writeSnapshot } from './snapshot.js';
import { Wal } from './wal.js';

export interface CommitEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  gr: string;
  rv: number;
  obj: KObj;
  old?: KObj;
}

const SNAPSHOT_EVERY = 20_000;

export class Store {
  private data = new Map<string, Map<string, KObj>>();
  private rv = 0;
  private wal: Wal;
  private listeners: ((e: CommitEvent) => void)[] = [];
  private chain: Promise<void> = Promise.resolve();
  /**
   * Objects of each group resource in namespace/name order, built on the first list and then
   * kept in order by each write (re-sorting after every write made a list cost N log N).
   */
  private sorted = new Map<string, KObj[]>();

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    const snap = readSnapshot(this.snapPath);
    this.rv = snap.rv;
    for (const [gr, obj] of snap.objects)
      this.bucket(gr).set(keyOf(obj.metadata.namespace, obj.metadata.name), obj);
    for (const rec of Wal.read(this.walPath)) {
      if (rec.rv <= snap.rv) continue;
      this.rv = Math.max(this.rv, rec.rv);
      const key = keyOf(rec.ns, rec.name);
      if (rec.op === 'put' && rec.obj) this.bucket(rec.gr).set(key, rec.obj);
      else this.bucket(rec.gr).delete(key);
    }
    this.wal = new Wal(this.walPath);
  }

  private get snapPath(): string {
    return join(this.dir, 'snapshot.json');
  }

  private get walPath(): string {
    return join(this.dir, 'wal.log');
  }

  private bucket(gr: string): Map<string, KObj> {
    let b = this.data.get(gr);
    if (!b) this.data.set(gr, (b = new Map()));
    return b;
  }

  currentRv(): number {
    return this.rv;
  }

  onCommit(fn: (e: CommitEvent) => void): void {
    this.listeners.push(fn);
  }

  /** Stored objects are shared: callers must clone before changing them. */
  get(gr: string, ns: string | undefined, name: string): KObj | undefined {
    return this.data.get(gr)?.get(keyOf(ns, name));
  }

  list(gr: string, ns?: string): KObj[] {
    let all = this.sorted.get(gr);
    if (!all) {
      const b = this.data.get(gr);
      if (!b) return [];
      all = [...b.entries()].sort((x, y) => cmp(x[0], y[0])).map(([, o]) => o);
      this.sorted.set(gr, all);
    }
    return ns ? all.filter((o) => (o.metadata.namespace ?? '') === ns) : all.slice();
  }

  /** Puts `obj` at `key`'s place in the sorted list of `gr`, or takes it out when undefined. */
  private keepSorted(gr: string, key: string, obj: KObj | undefined): void {
    const all = this.sorted.get(gr);
    if (!all) return;
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const m = all[mid];
      if (m && cmp(keyOf(m.metadata.namespace, m.metadata.name), key) < 0) lo = mid + 1;
      else hi = mid;
    }
    const at = all[lo];
    const found = at !== undefined && keyOf(at.metadata.namespace, at.metadata.name) === key;
    if (obj && found) all[lo] = obj;
    else if (obj) all.splice(lo, 0, obj);
    else if (found) all.splice(lo, 1);
  }

  groupResources(): string[] {
    return [...this.data.keys()];
  }

  /** Stores `obj` (its resourceVersion is assigned here) and resolves once durable. */
  put(gr: string, obj: KObj): Promise<KObj> {
    const rv = ++this.rv;
    obj.metadata.resourceVersion = String(rv);
    const key = keyOf(obj.metadata.namespace, obj.metadata.name);
    const old = this.bucket(gr).get(key);
    this.bucket(gr).set(key, obj);
    this.keepSorted(gr, key, obj);
    const ev: CommitEvent = {
      type: old ? 'MODIFIED' : 'ADDED',
      gr,
      rv,
      obj,
      ...(old ? { old } : {}),
    };
    return this.commit(ev, {
      rv,
      op: 'put',
      gr,
      ns: obj.metadata.namespace ?? '',
      name: obj.metadata.name ?? '',
      obj,
    });
  }

  remove(gr: string, obj: KObj): Promise<KObj> {
    const rv = ++this.rv;
    const key = keyOf(obj.metadata.namespace, obj.metadata.name);
    this.bucket(gr).delete(key);
    this.keepSorted(gr, key, undefined);
    const gone: KObj = { ...obj, metadata: { ...obj.metadata, resourceVersion: String(rv) } };
    const ev: CommitEvent = { type: 'DELETED', gr, rv, obj: gone, old: obj };
    return this.commit(ev, {
      rv,
      op: 'del',
      gr,
      ns: obj.metadata.namespace ?? '',
      name: obj.metadata.name ?? '',
    });
  }

  private commit(ev: CommitEvent, rec: Parameters<Wal['append']>[0]): Promise<KObj> {
    const durable = this.wal.append(rec);
    // Events are announced strictly in resourceVersion order, each after its own fsync.
    const announced = this.chain
      .then(() => durable)
      .then(async () => {
        for (const fn of this.listeners) fn(ev);
        if (this.wal.records >= SNAPSHOT_EVERY) await this.snapshot();
      });
    this.chain = announced.catch(() => undefined);
    return announced.then(() => ev.obj);
  }

  /** Writes the whole state and empties the log; the log's pending records are written first. */
  async snapshot(): Promise<void> {
    await this.wal.idle();
    // From here to the truncate nothing yields, so no batch can be half-written under it.
    const objects: [string, KObj][] = [];
    for (const [gr, b] of this.data) for (const o of b.values()) objects.push([gr, o]);
    this.wal.flushSync();
    writeSnapshot(this.snapPath, { rv: this.rv, objects });
    this.wal.truncate();
  }

  async close(): Promise<void> {
    await this.chain;
    await this.snapshot();
    this.wal.close();
  }
}

function keyOf(ns: string | undefined, name: string | undefined): string {
  return `${ns ?? ''}/${name ?? ''}`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
