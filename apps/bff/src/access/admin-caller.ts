import { ACTOR_ADMIN } from '@wharf/shared';
import type { KubeConfig } from '@kubernetes/client-node';
import { selfAccessReview } from './access-review.js';
import type { Caller, CallerResolver } from './caller.js';

/**
 * Until sign-in lands every request acts as the BFF's own identity (the cluster admin in
 * embedded mode); `authorize` still asks Kubernetes so the code path is the real one.
 */
export function adminCaller(kc: KubeConfig): Caller {
  return {
    actor: ACTOR_ADMIN,
    authorize: (check) => selfAccessReview(kc, check),
    kubeConfigFor: () => kc,
    discoveryKubeConfig: () => kc,
  };
}

export function adminCallerResolver(kc: KubeConfig): CallerResolver {
  const caller = adminCaller(kc);
  return () => Promise.resolve(caller);
}
