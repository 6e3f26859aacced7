import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import type { MappedRole } from '@wharf/shared/api';
import { PROJECT_LABEL } from '../roles/kargo-annotations.js';
import { type ServiceAccountLike, mapClaimsToRoles } from './claims-mapping.js';
import type { SessionClaims } from './session.js';

/** Where ServiceAccounts and project namespaces are read from: the BFF's informers, or a list. */
export interface RoleSource {
  serviceAccounts(): Promise<Iterable<ServiceAccountLike>>;
  projectNamespaces(): Promise<Iterable<string>>;
}

export type RoleMapper = (claims: SessionClaims) => Promise<MappedRole[]>;

export function roleMapper(source: RoleSource, globalNamespaces: readonly string[]): RoleMapper {
  return async (claims) => {
    const [sas, projects] = await Promise.all([
      source.serviceAccounts(),
      source.projectNamespaces(),
    ]);
    return mapClaimsToRoles(sas, new Set([...projects, ...globalNamespaces]), claims);
  };
}

/**
 * Lists straight from Kubernetes (used when the BFF has no ServiceAccount informer),
 * remembering each answer for `ttlMs` so a burst of requests costs one list.
 */
export function listingRoleSource(kc: KubeConfig, ttlMs = 2000, now = Date.now): RoleSource {
  const core = kc.makeApiClient(CoreV1Api);
  const memo = <T>(load: () => Promise<T>) => {
    let cached: { at: number; value: Promise<T> } | undefined;
    return () => {
      if (!cached || now() - cached.at >= ttlMs) {
        const value = load();
        cached = { at: now(), value };
        value.catch(() => (cached = undefined));
      }
      return cached.value;
    };
  };
  return {
    serviceAccounts: memo(async () => (await core.listServiceAccountForAllNamespaces()).items),
    projectNamespaces: memo(async () =>
      (await core.listNamespace({ labelSelector: `${PROJECT_LABEL}=true` })).items
        .map((n) => n.metadata?.name)
        .filter((n): n is string => Boolean(n)),
    ),
  };
}

/**
 * A source over the BFF's informers (one upstream watch per kind, no extra reads): ServiceAccounts
 * from its ServiceAccount informer, project namespaces from its Project informer.
 */
export function cachedRoleSource(read: {
  serviceAccounts: () => Iterable<ServiceAccountLike>;
  projectNamespaces: () => Iterable<string>;
}): RoleSource {
  return {
    serviceAccounts: () => Promise.resolve(read.serviceAccounts()),
    projectNamespaces: () => Promise.resolve(read.projectNamespaces()),
  };
}
