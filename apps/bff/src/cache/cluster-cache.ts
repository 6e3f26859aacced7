import { EventEmitter } from 'node:events';
import type { KubeConfig } from '@kubernetes/client-node';
import { KARGO_GROUP, KARGO_VERSION } from '@wharf/shared';
import type { BackoffDelays } from './backoff.js';
import { Informer, type InformerChange } from './informer.js';
import { KIND_NAMES, KINDS, type KindName, type ObjectOf } from './kinds.js';
import { KubeClient } from '../kube/kube-client.js';
import { KubeApiError } from '../kube/kube-api-error.js';

export interface CacheChange<K extends KindName = KindName> {
  kind: K;
  change: InformerChange<ObjectOf<K>>;
}

export interface CacheStatus {
  synced: boolean;
  kargoInstalled: boolean | undefined;
  message?: string;
  kinds: Record<string, { state: string; size: number; restarts: number; error?: string }>;
}

type Informers = { [K in KindName]: Informer<ObjectOf<K>> };

/**
 * All informers of the BFF: one per kind, whatever the number of browsers.
 * Emits `change` (CacheChange) and `recovered` (kind name) after a watch failure healed.
 */
export class ClusterCache extends EventEmitter {
  readonly informers: Informers;
  kargoInstalled: boolean | undefined;
  private crdTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly kc: KubeConfig,
    private readonly opts: { delays?: BackoffDelays; crdRetryMs?: number } = {},
  ) {
    super();
    this.setMaxListeners(0);
    const entries = KIND_NAMES.map((kind) => {
      const def = KINDS[kind];
      const informer = new Informer(kc, {
        name: kind,
        path: def.path,
        parse: (raw: unknown) => {
          const parsed = def.schema.safeParse(raw);
          return parsed.success ? parsed.data : undefined;
        },
        ...(opts.delays ? { delays: opts.delays } : {}),
      });
      informer.on('change', (change: InformerChange<ObjectOf<typeof kind>>) =>
        this.emit('change', { kind, change }),
      );
      informer.on('recovered', () => this.emit('recovered', kind));
      return [kind, informer] as const;
    });
    this.informers = Object.fromEntries(entries) as unknown as Informers;
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

  get<K extends KindName>(kind: K): Informer<ObjectOf<K>> {
    return this.informers[kind];
  }

  status(): CacheStatus {
    const kinds: CacheStatus['kinds'] = {};
    for (const name of KIND_NAMES) {
      const inf = this.informers[name];
      kinds[name] = {
        state: inf.state,
        size: inf.store.size,
        restarts: inf.restarts,
        ...(inf.lastError ? { error: inf.lastError } : {}),
      };
    }
    const synced = KIND_NAMES.every((k) => this.informers[k].state === 'synced');
    const message =
      this.kargoInstalled === false
        ? `This cluster does not serve Kargo's API (${KARGO_GROUP}/${KARGO_VERSION}): install Kargo, or its CRDs, and Wharf connects by itself.`
        : undefined;
    return { synced, kargoInstalled: this.kargoInstalled, kinds, ...(message ? { message } : {}) };
  }

  /** Resolves once every informer has listed at least once. */
  synced(): Promise<void> {
    return Promise.all(
      KIND_NAMES.map((k) => {
        const inf = this.informers[k];
        return inf.state === 'synced'
          ? undefined
          : new Promise<void>((resolve) => inf.once('synced', () => resolve()));
      }),
    ).then(() => undefined);
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
        if (this.kargoInstalled !== false) this.emit('kargo-missing');
        this.kargoInstalled = false;
      }
    }
    this.crdTimer = setTimeout(() => void this.checkKargo(), this.opts.crdRetryMs ?? 5000);
  }
}
