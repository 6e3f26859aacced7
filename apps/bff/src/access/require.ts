import { KARGO_GROUP } from '@wharf/shared';
import { ForbiddenError } from '../errors/http-errors.js';
import { KubeClient } from '../kube/kube-client.js';
import type { AccessCheck, Caller } from './caller.js';

/** Throws ForbiddenError with Kubernetes' reason unless the caller may do it. */
export async function requireAccess(caller: Caller, check: AccessCheck): Promise<void> {
  const decision = await caller.authorize(check);
  if (!decision.allowed) throw new ForbiddenError(decision.reason);
}

/**
 * Checks with Kubernetes that the caller may do `check`, then returns a client acting as the
 * identity that allowed it, so Kubernetes checks the request a second time as that identity.
 */
export async function clientActingFor(caller: Caller, check: AccessCheck): Promise<KubeClient> {
  await requireAccess(caller, check);
  return new KubeClient(caller.kubeConfigFor(check));
}

export function kargoCheck(
  verb: string,
  resource: string,
  namespace: string,
  name?: string,
  subresource?: string,
): AccessCheck {
  return {
    verb,
    group: KARGO_GROUP,
    resource,
    namespace,
    ...(name ? { name } : {}),
    ...(subresource ? { subresource } : {}),
  };
}
