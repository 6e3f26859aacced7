import type { V1Role, V1RoleBinding, V1ServiceAccount } from '@kubernetes/client-node';
import type { PolicyRule, RoleClaim } from '@wharf/shared/api';
import {
  CLAIMS_ANNOTATION,
  DESCRIPTION_ANNOTATION,
  LEGACY_CLAIM_PREFIX,
  MANAGED_ANNOTATION,
} from './kargo-annotations.js';
import { claimsAnnotationValue } from './kargo-annotations.js';

const RBAC = 'rbac.authorization.k8s.io';

export function newServiceAccount(
  ns: string,
  name: string,
  description: string | undefined,
  claims: RoleClaim[],
): V1ServiceAccount {
  const sa: V1ServiceAccount = {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name, namespace: ns, annotations: { [MANAGED_ANNOTATION]: 'true' } },
  };
  return withClaims(withDescription(sa, description), claims);
}

export function newRole(ns: string, name: string, rules: PolicyRule[]): V1Role {
  return {
    apiVersion: `${RBAC}/v1`,
    kind: 'Role',
    metadata: { name, namespace: ns, annotations: { [MANAGED_ANNOTATION]: 'true' } },
    rules,
  };
}

export function newRoleBinding(ns: string, name: string): V1RoleBinding {
  return {
    apiVersion: `${RBAC}/v1`,
    kind: 'RoleBinding',
    metadata: { name, namespace: ns, annotations: { [MANAGED_ANNOTATION]: 'true' } },
    roleRef: { apiGroup: RBAC, kind: 'Role', name },
    subjects: [{ kind: 'ServiceAccount', name, namespace: ns }],
  };
}

/**
 * Sets the claims in the JSON annotation. Legacy `claim.<name>` annotations are folded in by the
 * caller (who read the union) and removed here, so no value is lost and none is counted twice.
 * Every other annotation is kept as it was.
 */
export function withClaims(sa: V1ServiceAccount, claims: RoleClaim[]): V1ServiceAccount {
  const annotations = Object.fromEntries(
    Object.entries(sa.metadata?.annotations ?? {}).filter(
      ([k]) => k !== CLAIMS_ANNOTATION && !k.startsWith(LEGACY_CLAIM_PREFIX),
    ),
  );
  if (claims.length > 0) annotations[CLAIMS_ANNOTATION] = claimsAnnotationValue(claims);
  return { ...sa, metadata: { ...sa.metadata, annotations } };
}

export function withDescription(
  sa: V1ServiceAccount,
  description: string | undefined,
): V1ServiceAccount {
  if (description === undefined) return sa;
  const annotations = Object.fromEntries(
    Object.entries(sa.metadata?.annotations ?? {}).filter(([k]) => k !== DESCRIPTION_ANNOTATION),
  );
  if (description) annotations[DESCRIPTION_ANNOTATION] = description;
  return { ...sa, metadata: { ...sa.metadata, annotations } };
}
