import { createHash } from 'node:crypto';
import { AuthenticationV1Api, type KubeConfig } from '@kubernetes/client-node';
import { DecisionCache } from './decision-cache.js';

export interface TokenUser {
  username: string;
  groups: string[];
}

/**
 * Asks Kubernetes who a bearer token belongs to (TokenReview), at sign-in and again for every
 * token session, each answer remembered for a few seconds: a token that expired, was revoked or
 * whose ServiceAccount was deleted stops working in Wharf within that time.
 */
export class TokenReviewer {
  private readonly cache: DecisionCache<TokenUser | undefined>;
  private readonly api: AuthenticationV1Api;

  constructor(kc: KubeConfig, ttlMs = 10_000, now: () => number = Date.now) {
    this.api = kc.makeApiClient(AuthenticationV1Api);
    this.cache = new DecisionCache(ttlMs, now);
  }

  /** Drops every remembered answer (a ServiceAccount changed or went: its tokens may have too). */
  forget(): void {
    this.cache.clear();
  }

  /** The token's user, or undefined when Kubernetes does not accept it. */
  review(token: string): Promise<TokenUser | undefined> {
    const key = createHash('sha256').update(token).digest('base64url');
    return this.cache.get(key, async () => {
      const review = await this.api.createTokenReview({ body: { spec: { token } } });
      const user = review.status?.user;
      if (!review.status?.authenticated || !user?.username) return undefined;
      return { username: user.username, groups: user.groups ?? [] };
    });
  }
}
