import { EventEmitter } from 'node:events';
import { Watch, type KubeConfig } from '@kubernetes/client-node';
import { KubeApiError } from '../kube/kube-api-error.js';
import { KubeClient } from '../kube/kube-client.js';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffDelays } from './backoff.js';

export interface Meta {
  name: string;
  namespace?: string;
  resourceVersion?: string;
  uid?: string;
}
export interface KubeObject {
  metadata: Meta;
}

export type InformerChange<T> = { type: 'upsert'; obj: T } | { type: 'delete'; obj: T };

export interface InformerOptions<T extends KubeObject> {
  /** Short name used in logs and metrics, e.g. `stages`. */
  name: string;
  /** Cluster-wide collection path, e.g. `/apis/kargo.akuity.io/v1alpha1/stages`. */
  path: string;
  /** Turns a raw object into T, or undefined to skip one the schema rejects. */
  parse: (raw: unknown) => T | undefined;
  delays?: BackoffDelays;
}

/** `forbidden`: Kubernetes refused the BFF's identity (403); retried like any failure, reported apart. */
export type InformerState = 'starting' | 'synced' | 'failed' | 'forbidden' | 'stopped';

/** What readers, metrics and readiness see of one kind's cache, however many watches feed it. */
export interface KindCache<T extends KubeObject> extends EventEmitter {
  readonly name: string;
  readonly state: InformerState;
  readonly lastError: string | undefined;
  readonly restarts: number;
  /** Has listed completely at least once. */
  readonly everSynced: boolean;
  readonly size: number;
  /** Upstream watches open now. */
  readonly watches: number;
  list(namespace?: string): T[];
  get(namespace: string | undefined, name: string): T | undefined;
  start(): void;
  stop(): void;
}

/**
 * List-then-watch cache of one kind, shared by every consumer.
 * Invariants: after each (re-)list the store equals the list, and consumers get exactly the
 * differences as changes; a 410 re-lists at once; any other failure retries with capped backoff.
 * Events: `change` (InformerChange), `synced`, `failed` (Error), `recovered`.
 */
export class Informer<T extends KubeObject> extends EventEmitter implements KindCache<T> {
  readonly store = new Map<string, T>();
  /** The same objects by namespace, so one project's list costs its size, not the cluster's. */
  private readonly byNamespace = new Map<string, Map<string, T>>();
  state: InformerState = 'starting';
  lastError: string | undefined;
  restarts = 0;
  everSynced = false;
  private abort: AbortController | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly client: KubeClient;
  private readonly delays: BackoffDelays;

  constructor(
    private readonly kc: KubeConfig,
    private readonly opts: InformerOptions<T>,
  ) {
    super();
    this.client = new KubeClient(kc);
    this.delays = opts.delays ?? DEFAULT_BACKOFF;
  }

  get name(): string {
    return this.opts.name;
  }

  get size(): number {
    return this.store.size;
  }

  get watches(): number {
    return this.state === 'synced' ? 1 : 0;
  }

  start(): void {
    void this.run(0);
  }

  stop(): void {
    this.state = 'stopped';
    clearTimeout(this.timer);
    this.abort?.abort();
  }

  list(namespace?: string): T[] {
    if (namespace === undefined) return [...this.store.values()];
    return [...(this.byNamespace.get(namespace)?.values() ?? [])];
  }

  get(namespace: string | undefined, name: string): T | undefined {
    return this.store.get(keyOf(namespace, name));
  }

  private stopped(): boolean {
    return this.state === 'stopped';
  }

  private async run(attempt: number): Promise<void> {
    if (this.stopped()) return;
    try {
      const rv = await this.relist();
      const wasFailed = this.state === 'failed' || this.state === 'forbidden';
      this.state = 'synced';
      this.lastError = undefined;
      if (!this.everSynced) {
        this.everSynced = true;
        this.emit('synced');
      } else if (wasFailed) this.emit('recovered');
      await this.watchFrom(rv);
      // 410 Gone or a clean close after a re-list request: list again at once.
      void this.run(0);
    } catch (err) {
      if (this.stopped()) return;
      this.state = err instanceof KubeApiError && err.status === 403 ? 'forbidden' : 'failed';
      this.restarts += 1;
      this.lastError = err instanceof Error ? err.message : String(err);
      this.emit('failed', err);
      this.timer = setTimeout(() => void this.run(attempt + 1), backoffDelay(attempt, this.delays));
    }
  }

  private async relist(): Promise<string> {
    const list = (await this.client.get(this.opts.path)) as {
      metadata?: { resourceVersion?: string };
      items?: unknown[];
    };
    const seen = new Set<string>();
    for (const raw of list.items ?? []) {
      const obj = this.opts.parse(raw);
      if (!obj) continue;
      const key = keyOf(obj.metadata.namespace, obj.metadata.name);
      seen.add(key);
      this.upsert(key, obj);
    }
    for (const [key, obj] of this.store) {
      if (seen.has(key)) continue;
      this.remove(key, obj);
      this.emit('change', { type: 'delete', obj } satisfies InformerChange<T>);
    }
    return list.metadata?.resourceVersion ?? '';
  }

  private upsert(key: string, obj: T): void {
    const prev = this.store.get(key);
    if (prev && prev.metadata.resourceVersion === obj.metadata.resourceVersion) return;
    this.store.set(key, obj);
    const ns = obj.metadata.namespace ?? '';
    let inNs = this.byNamespace.get(ns);
    if (!inNs) this.byNamespace.set(ns, (inNs = new Map()));
    inNs.set(key, obj);
    this.emit('change', { type: 'upsert', obj } satisfies InformerChange<T>);
  }

  private remove(key: string, obj: T): boolean {
    const ns = obj.metadata.namespace ?? '';
    const inNs = this.byNamespace.get(ns);
    inNs?.delete(key);
    if (inNs?.size === 0) this.byNamespace.delete(ns);
    return this.store.delete(key);
  }

  /**
   * Watches from `rv` until the server closes the stream. Resolves when a re-list is needed
   * (410 Gone); a clean close resumes the watch from the newest version seen; errors reject.
   */
  private async watchFrom(startRv: string): Promise<void> {
    let rv = startRv;
    for (;;) {
      const outcome = await this.watchOnce(rv, (next) => (rv = next));
      if (outcome === 'gone') return;
      if (this.stopped()) throw new Error('stopped');
    }
  }

  private watchOnce(rv: string, onVersion: (rv: string) => void): Promise<'closed' | 'gone'> {
    return new Promise((resolve, reject) => {
      let gone = false;
      const onEvent = (type: string, raw: unknown): void => {
        if (type === 'ERROR') {
          const code = (raw as { code?: number }).code;
          if (code === 410) gone = true;
          else reject(new Error(`watch error: ${JSON.stringify(raw)}`));
          return;
        }
        const version = (raw as KubeObject).metadata?.resourceVersion;
        if (version) onVersion(version);
        if (type === 'BOOKMARK') return;
        const obj = this.opts.parse(raw);
        if (!obj) return;
        const key = keyOf(obj.metadata.namespace, obj.metadata.name);
        if (type === 'DELETED') {
          if (this.remove(key, obj)) this.emit('change', { type: 'delete', obj });
        } else this.upsert(key, obj);
      };
      const onDone = (err: unknown): void => {
        if (err) reject(err instanceof Error ? err : new Error(String(err)));
        else resolve(gone ? 'gone' : 'closed');
      };
      new Watch(this.kc)
        .watch(this.opts.path, { resourceVersion: rv, allowWatchBookmarks: true }, onEvent, onDone)
        .then((ctrl) => {
          this.abort = ctrl;
          if (this.stopped()) ctrl.abort();
        }, reject);
    });
  }
}

export function keyOf(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}
