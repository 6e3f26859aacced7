import { EventEmitter } from 'node:events';
import type { KubeConfig } from '@kubernetes/client-node';
import type { BackoffDelays } from '../cache/backoff.js';
import { Informer } from '../cache/informer.js';
import { UpstreamError } from '../errors/http-errors.js';
import { KubeApiError } from '../kube/kube-api-error.js';
import { KubeClient } from '../kube/kube-client.js';
import { corePath } from '../kube/paths.js';

interface SecretObject {
  metadata: { name: string; namespace?: string; resourceVersion?: string };
  data?: Record<string, string>;
}

/** Decoded `data` of a Secret: key → UTF-8 text. */
export type SecretData = Record<string, string>;

const decode = (data: Record<string, string> | undefined): SecretData =>
  Object.fromEntries(
    Object.entries(data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]),
  );
const encode = (data: SecretData): Record<string, string> =>
  Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v).toString('base64')]));

/**
 * One Secret of Wharf's own, shared by every replica: read through a watch narrowed to its name
 * (so each replica sees every change within moments), written with optimistic concurrency.
 * Events: `change` (SecretData | undefined when deleted).
 */
export class OwnSecret extends EventEmitter {
  private readonly informer: Informer<SecretObject>;
  private readonly client: KubeClient;

  constructor(
    kc: KubeConfig,
    readonly namespace: string,
    readonly name: string,
    delays?: BackoffDelays,
  ) {
    super();
    this.client = new KubeClient(kc);
    const selector = encodeURIComponent(`metadata.name=${name}`);
    this.informer = new Informer<SecretObject>(kc, {
      name: `secret ${namespace}/${name}`,
      path: `${corePath('secrets', namespace)}?fieldSelector=${selector}`,
      parse: (raw) => raw as SecretObject,
      ...(delays ? { delays } : {}),
    });
    this.informer.on('change', () => this.emit('change', this.data()));
  }

  start(): void {
    this.informer.start();
  }

  stop(): void {
    this.informer.stop();
  }

  /** What the watch has seen; undefined while the Secret does not exist. Throws before the first list. */
  data(): SecretData | undefined {
    if (!this.informer.everSynced) {
      throw new UpstreamError(
        `Wharf cannot read its Secret ${this.namespace}/${this.name} yet (${this.informer.lastError ?? 'loading'}); try again shortly.`,
        503,
      );
    }
    const secret = this.informer.get(this.namespace, this.name);
    return secret ? decode(secret.data) : undefined;
  }

  /** Resolves once the first list has come back, or rejects after `ms`. */
  synced(ms = 5000): Promise<void> {
    if (this.informer.everSynced) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.informer.off('synced', done);
        reject(
          new UpstreamError(
            `Wharf could not read its Secret ${this.namespace}/${this.name} (${this.informer.lastError ?? 'no answer'}).`,
            503,
          ),
        );
      }, ms);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.informer.once('synced', done);
    });
  }

  /**
   * Read-modify-write: `change` gets the current data (undefined when the Secret does not exist)
   * and returns the new data. Retries on a conflict with another replica's write.
   */
  async update(change: (current: SecretData | undefined) => SecretData): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await this.read();
      const data = encode(change(current ? decode(current.data) : undefined));
      try {
        if (current) {
          await this.client.request(corePath('secrets', this.namespace, this.name), {
            method: 'PUT',
            body: { ...current, data },
          });
        } else {
          await this.client.create(corePath('secrets', this.namespace), {
            metadata: { name: this.name, labels: { 'app.kubernetes.io/part-of': 'wharf' } },
            type: 'Opaque',
            data,
          });
        }
        return;
      } catch (err) {
        if (err instanceof KubeApiError && err.status === 409) continue;
        throw err;
      }
    }
    throw new UpstreamError(`Secret ${this.namespace}/${this.name} kept changing; try again.`);
  }

  /**
   * Adds each of `defaults`' keys the Secret does not hold yet (creating the Secret if need be)
   * and answers what it holds then: replicas starting at once all end up with the first writer's.
   */
  async ensure(defaults: SecretData): Promise<SecretData> {
    let held: SecretData = defaults;
    await this.update((current) => (held = { ...defaults, ...current }));
    return held;
  }

  /** Creates the Secret with `data` unless it exists; either way answers the data it holds. */
  async createIfAbsent(data: SecretData): Promise<SecretData> {
    let held: SecretData = data;
    await this.update((current) => (held = current ?? data));
    return held;
  }

  private async read(): Promise<SecretObject | undefined> {
    try {
      return (await this.client.get(
        corePath('secrets', this.namespace, this.name),
      )) as SecretObject;
    } catch (err) {
      if (err instanceof KubeApiError && err.status === 404) return undefined;
      throw err;
    }
  }
}
