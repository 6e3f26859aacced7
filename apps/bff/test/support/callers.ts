import { KubeConfig } from '@kubernetes/client-node';
import { selfAccessReview } from '../../src/access/access-review.js';
import type { Caller, CallerResolver } from '../../src/access/caller.js';

/** A caller that acts as `user` by impersonation from the admin kubeconfig, as the identity layer does. */
export function impersonating(adminKc: KubeConfig, user: string): Caller {
  const kc = new KubeConfig();
  kc.loadFromString(adminKc.exportConfig());
  const current = kc.getCurrentUser();
  if (!current) throw new Error('admin kubeconfig has no user');
  kc.users = kc.users.map((u) => (u.name === current.name ? { ...u, impersonateUser: user } : u));
  return {
    actor: `kubernetes:${user}`,
    authorize: (check) => selfAccessReview(kc, check),
    kubeConfigFor: () => kc,
    discoveryKubeConfig: () => kc,
  };
}

/** Resolves every request to the caller named in the `x-test-user` header, else to `fallback`. */
export function headerResolver(adminKc: KubeConfig, fallback: Caller): CallerResolver {
  return (req) => {
    const user = req.headers['x-test-user'];
    return Promise.resolve(typeof user === 'string' ? impersonating(adminKc, user) : fallback);
  };
}
