import { EventEmitter } from 'node:events';
import type { KubeConfig } from '@kubernetes/client-node';
import type { BackoffDelays } from './backoff.js';
import {
  Informer,
  type InformerChange,
  type InformerState,
  type KindCache,
  type KubeObject,
} from './informer.js';

export interface NamespacedInformerOptions<T extends KubeObject> {
  name: string;
  /** Collection path in one namespace, e.g. `/api/v1/namespaces/<ns>/events`. */
  pathIn: (namespace: string) => string;
  parse: (raw: unknown) => T | undefined;
  delays?: BackoffDelays;
}

/** Worst first: one failing namespace makes the kind failing. */
const STATE_ORDER: InformerState[] = ['forbidden', 'failed', 'starting', 'synced', 'stopped'];

/**
 * One kind, watched only in the namespaces it is told (project namespaces, driven by the Project
 * informer), one Informer per namespace. Events, ServiceAccounts and RBAC objects of the rest of
 * the cluster are never read or held, and the BFF's RBAC for them can be bound per namespace.
 * Same events as an Informer (`change`, `synced`, `failed`, `recovered`).
 */
export class NamespacedInformer<T extends KubeObject> extends EventEmitter implements KindCache<T> {
  private readonly byNamespace = new Map<string, Informer<T>>();
  private told = false;
  private running = false;
  everSynced = false;
  private failing = false;

  constructor(
    private readonly kc: KubeConfig,
    private readonly opts: NamespacedInformerOptions<T>,
  ) {
    super();
    this.setMaxListeners(0);
  }

  get name(): string {
    return this.opts.name;
  }

  get state(): InformerState {
    if (!this.running) return this.everSynced ? 'stopped' : 'starting';
    if (!this.told) return 'starting';
    let worst: InformerState = 'synced';
    for (const inf of this.byNamespace.values()) {
      if (STATE_ORDER.indexOf(inf.state) < STATE_ORDER.indexOf(worst)) worst = inf.state;
    }
    return worst;
  }

  get lastError(): string | undefined {
    for (const [ns, inf] of this.byNamespace) {
      if (inf.lastError) return `in namespace ${ns}: ${inf.lastError}`;
    }
    return undefined;
  }

  get restarts(): number {
    let n = 0;
    for (const inf of this.byNamespace.values()) n += inf.restarts;
    return n;
  }

  get size(): number {
    let n = 0;
    for (const inf of this.byNamespace.values()) n += inf.size;
    return n;
  }

  get watches(): number {
    let n = 0;
    for (const inf of this.byNamespace.values()) n += inf.watches;
    return n;
  }

  list(namespace?: string): T[] {
    if (namespace !== undefined) return this.byNamespace.get(namespace)?.list() ?? [];
    return [...this.byNamespace.values()].flatMap((inf) => inf.list());
  }

  get(namespace: string | undefined, name: string): T | undefined {
    return namespace === undefined
      ? undefined
      : this.byNamespace.get(namespace)?.get(namespace, name);
  }

  start(): void {
    this.running = true;
    for (const inf of this.byNamespace.values()) inf.start();
  }

  stop(): void {
    this.running = false;
    for (const inf of this.byNamespace.values()) inf.stop();
  }

  /** Watches exactly these namespaces from now on; objects of a dropped namespace are deleted. */
  setNamespaces(namespaces: Iterable<string>): void {
    const want = new Set(namespaces);
    for (const [ns, inf] of this.byNamespace) {
      if (want.has(ns)) continue;
      inf.stop();
      inf.removeAllListeners();
      this.byNamespace.delete(ns);
      for (const obj of inf.list())
        this.emit('change', { type: 'delete', obj } satisfies InformerChange<T>);
    }
    for (const ns of want) if (!this.byNamespace.has(ns)) this.add(ns);
    this.told = true;
    this.settle();
  }

  private add(namespace: string): void {
    const inf = new Informer<T>(this.kc, {
      name: this.opts.name,
      path: this.opts.pathIn(namespace),
      parse: this.opts.parse,
      ...(this.opts.delays ? { delays: this.opts.delays } : {}),
    });
    inf.on('change', (change: InformerChange<T>) => this.emit('change', change));
    inf.on('synced', () => this.settle());
    inf.on('recovered', () => this.settle());
    inf.on('failed', (err: Error) => {
      this.failing = true;
      this.emit('failed', new Error(`in namespace ${namespace}: ${err.message}`));
    });
    this.byNamespace.set(namespace, inf);
    if (this.running) inf.start();
  }

  /** Emits `synced` the first time every namespace has listed, `recovered` when failures heal. */
  private settle(): void {
    if (this.state !== 'synced') return;
    if (!this.everSynced) {
      this.everSynced = true;
      this.emit('synced');
    } else if (this.failing) {
      this.failing = false;
      this.emit('recovered');
    }
  }
}
