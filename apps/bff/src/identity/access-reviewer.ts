import type {
  KubeConfig,
  V1ResourceAttributes,
  V1SubjectAccessReviewStatus,
} from '@kubernetes/client-node';
import { KubeClient } from '../kube/kube-client.js';
import { type AccessCheck, type AccessDecision, describeCheck } from './caller-seam.js';
import { DecisionCache } from './decision-cache.js';
import { kubeConfigWithToken } from './kube-as.js';

/** Asks Kubernetes; each answer is remembered for a few seconds (revocation lands within that). */
export class AccessReviewer {
  private readonly cache: DecisionCache<AccessDecision>;
  private readonly kube: KubeClient;

  constructor(
    private readonly base: KubeConfig,
    ttlMs = 3000,
    now: () => number = Date.now,
  ) {
    // Reviews go through the BFF's own client: it keeps connections alive, where client-node's
    // generated APIs open a new TLS connection per review.
    this.kube = new KubeClient(base);
    this.cache = new DecisionCache(ttlMs, now);
  }

  /** SubjectAccessReview for a user (e.g. a ServiceAccount) and its groups. */
  forSubject(user: string, groups: string[], check: AccessCheck): Promise<AccessDecision> {
    const key = JSON.stringify(['s', user, groups, check]);
    return this.cache.get(key, async () => {
      const spec = { user, groups, resourceAttributes: attributes(check) };
      return decision(await review(this.kube, 'subjectaccessreviews', spec), check);
    });
  }

  /** SelfSubjectAccessReview as the BFF's own identity (the admin in embedded mode). */
  forSelf(check: AccessCheck): Promise<AccessDecision> {
    return this.cache.get(JSON.stringify(['self', check]), async () => {
      const spec = { resourceAttributes: attributes(check) };
      return decision(await review(this.kube, 'selfsubjectaccessreviews', spec), check);
    });
  }

  /** SelfSubjectAccessReview sent with the caller's own bearer token. */
  forToken(token: string, tokenKey: string, check: AccessCheck): Promise<AccessDecision> {
    const key = JSON.stringify(['t', tokenKey, check]);
    return this.cache.get(key, async () => {
      const kube = new KubeClient(kubeConfigWithToken(this.base, token));
      const spec = { resourceAttributes: attributes(check) };
      return decision(await review(kube, 'selfsubjectaccessreviews', spec), check);
    });
  }
}

async function review(
  kube: KubeClient,
  plural: 'subjectaccessreviews' | 'selfsubjectaccessreviews',
  spec: object,
): Promise<V1SubjectAccessReviewStatus | undefined> {
  const kind =
    plural === 'subjectaccessreviews' ? 'SubjectAccessReview' : 'SelfSubjectAccessReview';
  const res = (await kube.review(`/apis/authorization.k8s.io/v1/${plural}`, {
    apiVersion: 'authorization.k8s.io/v1',
    kind,
    spec,
  })) as { status?: V1SubjectAccessReviewStatus } | undefined;
  return res?.status;
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
