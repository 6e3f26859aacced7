import { EventEmitter } from 'node:events';
import type { KubeConfig } from '@kubernetes/client-node';
import { KARGO_GROUP, KARGO_VERSION, type CacheProblem } from '@wharf/shared';
import type { BackoffDelays } from './backoff.js';
import {
  Informer,
  type InformerChange,
  type InformerState,
  type KindCache,
  type KubeObject,
} from './informer.js';
import { KIND_NAMES, KINDS, type KindDef, type KindName, type ObjectOf } from './kinds.js';
import { NamespacedInformer } from './namespaced-informer.js';
import { KubeClient } from '../kube/kube-client.js';
import { KubeApiError } from '../kube/kube-api-error.js';

export interface CacheChange<K extends KindName = KindName> {
  kind: K;
  change: InformerChange<ObjectOf<K>>;
}

export interface KindStatus {
  state: InformerState;
  /** The pipeline view needs this kind; readiness waits for it. */
  required: boolean;
  size: number;
  restarts: number;
  watches: number;
  error?: string;
}

export interface CacheStatus {
  /** Every kind has listed and its watch is open now. */
  synced: boolean;
  /** Every kind the pipeline view needs is live now. */
  connected: boolean;
  /** This replica can serve: see `ready()`. */
  ready: boolean;
  kargoInstalled: boolean | undefined;
  message?: string;
  problems: CacheProblem[];
  kinds: Record<string, KindStatus>;
}

export interface ClusterCacheOptions {
  delays?: BackoffDelays;
  crdRetryMs?: number;
  /** ServiceAccounts are also read here, beside project namespaces (Kargo's own namespace). */
  serviceAccountNamespaces?: readonly string[];
}

type Caches = { [K in KindName]: KindCache<ObjectOf<K>> };

/**
 * All caches of the BFF: one per kind, whatever the number of browsers.
 * Emits `change` (CacheChange), `recovered` (kind name) after a watch failure healed, and
 * `kargo-missing` when the cluster does not serve Kargo's API group.
 */
export class ClusterCache extends EventEmitter {
  readonly informers: Caches;
  kargoInstalled: boolean | undefined;
  private crdTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private wasReady = false;
  private namespacesKey: string | undefined;

  constructor(
    private readonly kc: KubeConfig,
    private readonly opts: ClusterCacheOptions = {},
  ) {
    super();
    this.setMaxListeners(0);
    const entries = KIND_NAMES.map((kind) => {
      const cache = this.makeCache(kind);
      cache.on('change', (change: InformerChange<KubeObject>) =>
        this.emit('change', { kind, change }),
      );
      cache.on('recovered', () => this.emit('recovered', kind));
      return [kind, cache] as const;
    });
    this.informers = Object.fromEntries(entries) as unknown as Caches;
    // Project namespaces follow the Project informer.
    this.informers.projects.on('change', () => this.followProjects());
    this.informers.projects.on('synced', () => this.followProjects());
  }

  private makeCache(kind: KindName): KindCache<KubeObject> {
    const def: KindDef<KubeObject> = KINDS[kind];
    const parse = (raw: unknown) => {
      const parsed = def.schema.safeParse(raw);
      return parsed.success ? parsed.data : undefined;
    };
    const delays = this.opts.delays ? { delays: this.opts.delays } : {};
    return typeof def.path === 'string'
      ? new Informer(this.kc, { name: kind, path: def.path, parse, ...delays })
      : new NamespacedInformer(this.kc, { name: kind, pathIn: def.path, parse, ...delays });
  }

  /** Starts every informer once Kargo's API group is served; checks again until it is. */
  start(): void {
    void this.checkKargo();
    for (const kind of KIND_NAMES) if (!KINDS[kind].kargo) this.informers[kind].start();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.crdTimer);
    for (const kind of KIND_NAMES) this.informers[kind].stop();
  }

  get<K extends KindName>(kind: K): KindCache<ObjectOf<K>> {
    return this.informers[kind];
  }

  /**
   * Ready to serve once Kargo's absence is known, or once every kind the pipeline view needs has
   * listed or been refused (a forbidden kind is reported, not waited for). Once ready, a replica
   * stays ready: a failing watch is reported in the status and the UI shows what may be stale,
   * instead of the Service losing every replica to one flapping kind.
   */
  ready(): boolean {
    if (this.wasReady) return true;
    const startedUp =
      this.kargoInstalled === false ||
      (this.kargoInstalled === true &&
        KIND_NAMES.every((k) => {
          const inf = this.informers[k];
          return !KINDS[k].required || inf.everSynced || inf.state === 'forbidden';
        }));
    this.wasReady = startedUp;
    return startedUp;
  }

  status(): CacheStatus {
    const kinds: CacheStatus['kinds'] = {};
    const problems: CacheProblem[] = [];
    for (const name of KIND_NAMES) {
      const inf = this.informers[name];
      kinds[name] = {
        state: inf.state,
        required: KINDS[name].required,
        size: inf.size,
        restarts: inf.restarts,
        watches: inf.watches,
        ...(inf.lastError ? { error: inf.lastError } : {}),
      };
      if (inf.state === 'forbidden' || inf.state === 'failed') {
        problems.push({
          kind: name,
          state: inf.state === 'forbidden' ? 'forbidden' : 'failing',
          message:
            inf.state === 'forbidden'
              ? `Kubernetes does not let Wharf read ${name}: ${inf.lastError ?? 'forbidden'}. Grant what deploy/rbac grants.`
              : `The watch of ${name} keeps failing (${inf.lastError ?? 'unknown error'}); retrying.`,
        });
      }
    }
    const synced = KIND_NAMES.every((k) => this.informers[k].state === 'synced');
    const connected =
      this.kargoInstalled === true &&
      KIND_NAMES.every((k) => !KINDS[k].required || this.informers[k].state === 'synced');
    const message =
      this.kargoInstalled === false
        ? `This cluster does not serve Kargo's API (${KARGO_GROUP}/${KARGO_VERSION}): install Kargo, or its CRDs, and Wharf connects by itself.`
        : undefined;
    return {
      synced,
      connected,
      ready: this.ready(),
      kargoInstalled: this.kargoInstalled,
      problems,
      kinds,
      ...(message ? { message } : {}),
    };
  }

  /** Resolves once every informer has listed at least once. */
  synced(): Promise<void> {
    return Promise.all(
      KIND_NAMES.map((k) => {
        const inf = this.informers[k];
        return inf.everSynced
          ? undefined
          : new Promise<void>((resolve) => inf.once('synced', () => resolve()));
      }),
    ).then(() => undefined);
  }

  /** Points the per-namespace kinds at the namespaces of the projects that exist now. */
  private followProjects(): void {
    const projects = this.informers.projects.list().map((p) => p.metadata.name);
    const key = projects.sort().join('\n');
    if (key === this.namespacesKey) return;
    this.namespacesKey = key;
    this.setProjectNamespaces(projects);
  }

  private setProjectNamespaces(projects: string[]): void {
    for (const kind of KIND_NAMES) {
      const inf = this.informers[kind];
      if (!(inf instanceof NamespacedInformer)) continue;
      const extra = kind === 'serviceaccounts' ? (this.opts.serviceAccountNamespaces ?? []) : [];
      inf.setNamespaces([...projects, ...extra]);
    }
  }

  private async checkKargo(): Promise<void> {
    if (this.stopped) return;
    try {
      await new KubeClient(this.kc).get(`/apis/${KARGO_GROUP}/${KARGO_VERSION}`);
      this.kargoInstalled = true;
      for (const kind of KIND_NAMES) if (KINDS[kind].kargo) this.informers[kind].start();
      return;
    } catch (err) {
      if (err instanceof KubeApiError && err.status === 404) {
        if (this.kargoInstalled !== false) {
          this.kargoInstalled = false;
          // No projects without Kargo: the per-namespace kinds watch only the extra namespaces.
          this.setProjectNamespaces([]);
          this.emit('kargo-missing');
        }
      }
    }
    this.crdTimer = setTimeout(() => void this.checkKargo(), this.opts.crdRetryMs ?? 5000);
  }
}
