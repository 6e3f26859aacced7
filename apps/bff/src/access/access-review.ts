import type { KubeConfig } from '@kubernetes/client-node';
import { KubeClient } from '../kube/kube-client.js';
import type { AccessCheck, AccessDecision } from './caller.js';

/** Says in words what was checked, for the reason shown to a person. */
export function describeCheck(check: AccessCheck): string {
  const resource = check.subresource ? `${check.resource}/${check.subresource}` : check.resource;
  const group = check.group ? `${check.group}/` : '';
  const target = check.name ? ` "${check.name}"` : '';
  const where = check.namespace ? ` in namespace "${check.namespace}"` : '';
  return `${check.verb} ${group}${resource}${target}${where}`;
}

/** Asks Kubernetes, as whoever `kc` authenticates as, whether the check is allowed. */
export async function selfAccessReview(
  kc: KubeConfig,
  check: AccessCheck,
): Promise<AccessDecision> {
  const review = (await new KubeClient(kc).review(
    '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
    {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes: { ...check } },
    },
  )) as { status?: { allowed?: boolean; reason?: string } };
  if (review.status?.allowed) return { allowed: true };
  const why = review.status?.reason ? ` (${review.status.reason})` : '';
  return {
    allowed: false,
    reason: `Kubernetes does not allow you to ${describeCheck(check)}${why}.`,
  };
}
