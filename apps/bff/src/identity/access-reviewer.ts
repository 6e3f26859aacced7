import type {
  KubeConfig,
  V1ResourceAttributes,
  V1SubjectAccessReviewStatus,
  V1SubjectRulesReviewStatus,
} from '@kubernetes/client-node';
import { KubeClient } from '../kube/kube-client.js';
import { type AccessCheck, type AccessDecision, describeCheck } from './caller-seam.js';
import { DecisionCache } from './decision-cache.js';
import { kubeConfigImpersonating, kubeConfigWithToken } from './kube-as.js';
import { type ResourceRule, rulesAllow } from './rbac-rules.js';

/** What one SelfSubjectRulesReview said about an identity in a namespace. */
interface NamespaceRules {
  rules: ResourceRule[];
  /** Kubernetes could not list everything (e.g. a webhook authorizer): ask access reviews instead. */
  incomplete: boolean;
}

/**
 * Asks Kubernetes what an identity may do. A namespaced check is answered from one
 * SelfSubjectRulesReview per identity and namespace, made as that identity (impersonating a
 * ServiceAccount, or with the user's own token) and evaluated here as RBAC evaluates rules, so a
 * 600-stage project costs one review instead of one per stage and verb. When the rules review is
 * incomplete, fails, or the check is cluster-scoped, an access review decides. Answers are
 * remembered for a few seconds (revocation lands within that) or until `forget()`.
 */
export class AccessReviewer {
  private readonly decisions: DecisionCache<AccessDecision>;
  private readonly rules: DecisionCache<NamespaceRules | undefined>;
  private readonly kube: KubeClient;

  constructor(
    private readonly base: KubeConfig,
    ttlMs = 3000,
    now: () => number = Date.now,
  ) {
    // Reviews go through the BFF's own client: it keeps connections alive, where client-node's
    // generated APIs open a new TLS connection per review.
    this.kube = new KubeClient(base);
    this.decisions = new DecisionCache(ttlMs, now);
    this.rules = new DecisionCache(ttlMs, now);
  }

  /** Drops every remembered answer: RBAC changed, so the next question asks Kubernetes again. */
  forget(): void {
    this.decisions.clear();
    this.rules.clear();
  }

  /**
   * A user (e.g. a ServiceAccount) and its groups. Its rules are read impersonating the user,
   * which gives it the same groups (a ServiceAccount's, or system:authenticated) without
   * impersonating groups.
   */
  forSubject(user: string, groups: string[], check: AccessCheck): Promise<AccessDecision> {
    const as = () => new KubeClient(kubeConfigImpersonating(this.base, user));
    return this.decide(JSON.stringify(['s', user, groups]), as, check, () =>
      review(this.kube, 'SubjectAccessReview', {
        user,
        groups,
        resourceAttributes: attributes(check),
      }),
    );
  }

  /** The BFF's own identity (the admin in embedded mode). */
  forSelf(check: AccessCheck): Promise<AccessDecision> {
    return this.decide(
      'self',
      () => this.kube,
      check,
      () => selfReview(this.kube, check),
    );
  }

  /** The caller's own bearer token. */
  forToken(token: string, tokenKey: string, check: AccessCheck): Promise<AccessDecision> {
    const as = () => new KubeClient(kubeConfigWithToken(this.base, token));
    return this.decide(JSON.stringify(['t', tokenKey]), as, check, () => selfReview(as(), check));
  }

  private async decide(
    who: string,
    as: () => KubeClient,
    check: AccessCheck,
    accessReview: () => Promise<V1SubjectAccessReviewStatus | undefined>,
  ): Promise<AccessDecision> {
    const ns = check.namespace;
    const rules = ns
      ? await this.rules.get(JSON.stringify([who, ns]), () => rulesReview(as(), ns))
      : undefined;
    if (rules && !rules.incomplete) {
      return rulesAllow(rules.rules, check) ? { allowed: true } : refused(check);
    }
    // An incomplete list still holds rules that allow; only what it can't show needs asking.
    if (rules && rulesAllow(rules.rules, check)) return { allowed: true };
    return this.decisions.get(JSON.stringify([who, check]), async () =>
      decision(await accessReview(), check),
    );
  }
}

type ReviewKind = 'SubjectAccessReview' | 'SelfSubjectAccessReview' | 'SelfSubjectRulesReview';

/** Creates one review of `kind` and returns Kubernetes' answer (its status). */
async function review<S = V1SubjectAccessReviewStatus>(
  kube: KubeClient,
  kind: ReviewKind,
  spec: object,
): Promise<S | undefined> {
  const res = (await kube.review(`/apis/authorization.k8s.io/v1/${kind.toLowerCase()}s`, {
    apiVersion: 'authorization.k8s.io/v1',
    kind,
    spec,
  })) as { status?: S } | undefined;
  return res?.status;
}

function selfReview(kube: KubeClient, check: AccessCheck) {
  return review(kube, 'SelfSubjectAccessReview', { resourceAttributes: attributes(check) });
}

/** One SelfSubjectRulesReview as `kube`'s identity; undefined when Kubernetes refuses or fails it. */
async function rulesReview(
  kube: KubeClient,
  namespace: string,
): Promise<NamespaceRules | undefined> {
  try {
    const status = await review<V1SubjectRulesReviewStatus>(kube, 'SelfSubjectRulesReview', {
      namespace,
    });
    return { rules: status?.resourceRules ?? [], incomplete: status?.incomplete ?? true };
  } catch {
    return undefined;
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

function refused(c: AccessCheck, why = ''): AccessDecision {
  return { allowed: false, reason: `Kubernetes RBAC does not allow ${describeCheck(c)}${why}.` };
}

function decision(status: V1SubjectAccessReviewStatus | undefined, c: AccessCheck): AccessDecision {
  if (status?.allowed && !status.denied) return { allowed: true };
  return refused(c, status?.reason ? ` (${status.reason})` : '');
}
