import { CoreV1Api, RbacAuthorizationV1Api } from '@kubernetes/client-node';
import type { AccessCheck } from '../identity/caller-seam.js';
import type { IdentityCaller } from '../identity/callers.js';
import { requireAllowed } from '../identity/resolve-caller.js';

type Kind = 'serviceaccounts' | 'roles' | 'rolebindings' | 'secrets';
const GROUP: Record<Kind, string> = {
  serviceaccounts: '',
  roles: 'rbac.authorization.k8s.io',
  rolebindings: 'rbac.authorization.k8s.io',
  secrets: '',
};

export function check(verb: string, kind: Kind, namespace: string, name?: string): AccessCheck {
  return { verb, group: GROUP[kind], resource: kind, namespace, ...(name ? { name } : {}) };
}

/**
 * Authorizes one Kubernetes call for the caller, then makes it with the caller's identity
 * (impersonated or its own token), so Kubernetes checks it a second time.
 */
export async function coreAs(caller: IdentityCaller, c: AccessCheck) {
  await requireAllowed(caller, c);
  return caller.kubeConfigFor(c).makeApiClient(CoreV1Api);
}

export async function rbacAs(caller: IdentityCaller, c: AccessCheck) {
  await requireAllowed(caller, c);
  return caller.kubeConfigFor(c).makeApiClient(RbacAuthorizationV1Api);
}

export function isNotFound(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && err.code === 404;
}
