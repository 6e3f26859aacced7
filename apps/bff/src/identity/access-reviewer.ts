import {
  AuthorizationV1Api,
  type KubeConfig,
  type V1ResourceAttributes,
  type V1SubjectAccessReviewStatus,
} from '@kubernetes/client-node';
import { type AccessCheck, type AccessDecision, describeCheck } from './caller-seam.js';
import { DecisionCache } from './decision-cache.js';
import { kubeConfigWithToken } from './kube-as.js';

/** Asks Kubernetes; each answer is remembered for a few seconds (revocation lands within that). */
export class AccessReviewer {
  private readonly cache: DecisionCache<AccessDecision>;
  private readonly api: AuthorizationV1Api;

  constructor(
    private readonly base: KubeConfig,
    ttlMs = 3000,
    now: () => number = Date.now,
  ) {
    this.api = base.makeApiClient(AuthorizationV1Api);
    this.cache = new DecisionCache(ttlMs, now);
  }

  /** SubjectAccessReview for a user (e.g. a ServiceAccount) and its groups. */
  forSubject(user: string, groups: string[], check: AccessCheck): Promise<AccessDecision> {
    const key = JSON.stringify(['s', user, groups, check]);
    return this.cache.get(key, async () => {
      const res = await this.api.createSubjectAccessReview({
        body: { spec: { user, groups, resourceAttributes: attributes(check) } },
      });
      return decision(res.status, check);
    });
  }

  /** SelfSubjectAccessReview as the BFF's own identity (the admin in embedded mode). */
  forSelf(check: AccessCheck): Promise<AccessDecision> {
    return this.cache.get(JSON.stringify(['self', check]), async () => {
      const res = await this.api.createSelfSubjectAccessReview({
        body: { spec: { resourceAttributes: attributes(check) } },
      });
      return decision(res.status, check);
    });
  }

  /** SelfSubjectAccessReview sent with the caller's own bearer token. */
  forToken(token: string, tokenKey: string, check: AccessCheck): Promise<AccessDecision> {
    const key = JSON.stringify(['t', tokenKey, check]);
    return this.cache.get(key, async () => {
      const api = kubeConfigWithToken(this.base, token).makeApiClient(AuthorizationV1Api);
      const res = await api.createSelfSubjectAccessReview({
        body: { spec: { resourceAttributes: attributes(check) } },
      });
      return decision(res.status, check);
    });
  }
}

function attributes(c: AccessCheck): V1ResourceAttributes {
  return {
    verb: c.verb,
    group: c.group,
    resource: c.resource,
    ...(c.subresource ? { subresource: c.subresource } : {}),
    ...(c.namespace ? { namespace: c.namespace } : {}),
    ...(c.name ? { name: c.name } : {}),
  };
}

function decision(status: V1SubjectAccessReviewStatus | undefined, c: AccessCheck): AccessDecision {
  if (status?.allowed && !status.denied) return { allowed: true };
  const why = status?.reason ? ` (${status.reason})` : '';
  return { allowed: false, reason: `Kubernetes RBAC does not allow ${describeCheck(c)}${why}.` };
}
