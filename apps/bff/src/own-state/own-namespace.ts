import type { KubeConfig } from '@kubernetes/client-node';
import type { BackoffDelays } from '../cache/backoff.js';
import { KubeApiError } from '../kube/kube-api-error.js';
import { KubeClient } from '../kube/kube-client.js';
import { corePath } from '../kube/paths.js';
import { OwnSecret } from './own-secret.js';

/**
 * Wharf's own namespace and the objects it keeps there for every replica (session revocations;
 * the session key and admin password hash belong here too). Nothing is configured per replica.
 */
export class OwnNamespace {
  private readonly secrets = new Map<string, OwnSecret>();

  constructor(
    private readonly kc: KubeConfig,
    readonly name: string,
    private readonly delays?: BackoffDelays,
  ) {}

  /**
   * Creates the namespace when absent (the embedded cluster; in a real cluster the install does).
   * An identity that may not create namespaces (least privilege, deploy/rbac) relies on the
   * install having made it; it may not read namespaces either, so reading the Secret is what says
   * whether it exists.
   */
  async ensureExists(): Promise<void> {
    const client = new KubeClient(this.kc);
    try {
      await client.create(corePath('namespaces'), {
        metadata: { name: this.name, labels: { 'app.kubernetes.io/part-of': 'wharf' } },
      });
    } catch (err) {
      if (err instanceof KubeApiError && err.status === 409) return;
      if (err instanceof KubeApiError && err.status === 403) return;
      throw err;
    }
  }

  /** The Secret `name` in this namespace, watched from the first call on. */
  secret(name: string): OwnSecret {
    let s = this.secrets.get(name);
    if (!s) {
      s = new OwnSecret(this.kc, this.name, name, this.delays);
      s.start();
      this.secrets.set(name, s);
    }
    return s;
  }

  stop(): void {
    for (const s of this.secrets.values()) s.stop();
  }
}
