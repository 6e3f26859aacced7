import { KubeConfig, type User } from '@kubernetes/client-node';

/** A KubeConfig on the same cluster as `base` whose requests carry the given bearer token. */
export function kubeConfigWithToken(base: KubeConfig, token: string): KubeConfig {
  return withUser(base, { name: 'wharf-caller', token });
}

/**
 * A KubeConfig acting as `base`'s user but impersonating `username` (Impersonate-User set here,
 * by the BFF, never copied from a browser request). A ServiceAccount username gets its groups
 * added by the API server.
 */
export function kubeConfigImpersonating(base: KubeConfig, username: string): KubeConfig {
  const user = base.getCurrentUser();
  if (!user) throw new Error('The BFF kubeconfig has no current user.');
  return withUser(base, { ...user, name: 'wharf-impersonating', impersonateUser: username });
}

function withUser(base: KubeConfig, user: User): KubeConfig {
  const cluster = base.getCurrentCluster();
  if (!cluster) throw new Error('The BFF kubeconfig has no current cluster.');
  const kc = new KubeConfig();
  kc.loadFromClusterAndUser(cluster, user);
  return kc;
}
