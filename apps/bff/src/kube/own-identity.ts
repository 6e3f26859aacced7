import type { KubeConfig } from '@kubernetes/client-node';
import { ACTOR_PREFIXES } from '@wharf/shared';
import { KubeClient } from './kube-client.js';

/**
 * Who Wharf itself is to Kubernetes, asked once with a SelfSubjectReview. Kargo's webhook records
 * `kubernetes:<that username>` on a Promotion Wharf created when its CONTROLPLANE_USER_REGEX does
 * not trust Wharf, and views must then not claim the person Wharf named.
 */
export class OwnIdentity {
  private username: string | undefined;

  constructor(private readonly kc: KubeConfig) {}

  /** Asks Kubernetes; resolves with the username, or undefined when it cannot say. */
  async learn(): Promise<string | undefined> {
    const review = (await new KubeClient(this.kc).review(
      '/apis/authentication.k8s.io/v1/selfsubjectreviews',
      { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
    )) as { status?: { userInfo?: { username?: string } } } | undefined;
    this.username = review?.status?.userInfo?.username || undefined;
    return this.username;
  }

  /** The actor Kargo records for Wharf's own writes, once known. */
  actor(): string | undefined {
    return this.username ? `${ACTOR_PREFIXES.kubernetes}${this.username}` : undefined;
  }
}
