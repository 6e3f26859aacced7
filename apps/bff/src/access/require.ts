import { KARGO_GROUP } from '@wharf/shared';
import { ForbiddenError } from '../errors/http-errors.js';
import type { AccessCheck, Caller } from './caller.js';

/** Throws ForbiddenError with Kubernetes' reason unless the caller may do it. */
export async function requireAccess(caller: Caller, check: AccessCheck): Promise<void> {
  const decision = await caller.authorize(check);
  if (!decision.allowed) throw new ForbiddenError(decision.reason);
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
