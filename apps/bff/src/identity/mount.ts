import { type Router, Router as makeRouter } from 'express';
import type { KubeConfig } from '@kubernetes/client-node';
import { rolesRouter } from '../roles/roles-router.js';
import { authRouter } from './auth-router.js';
import { csrfGuard } from './csrf.js';
import { loadIdentityConfig } from './identity-config.js';
import { type Identity, createIdentity } from './identity.js';
import type { RoleSource } from './role-directory.js';
import type { OwnNamespace } from '../own-state/own-namespace.js';

/**
 * The routers the BFF mounts under /api/v1 (its `extraRouters`), in order: the CSRF guard for
 * every state-changing API call, then /auth, then /projects/:p/roles.
 */
export function identityRouters(identity: Identity): { path: string; router: Router }[] {
  const guard = makeRouter();
  guard.use(csrfGuard(identity.config.publicUrl));
  return [
    { path: '/', router: guard },
    { path: '/auth', router: authRouter(identity) },
    {
      path: '/projects/:p/roles',
      router: rolesRouter(identity.resolveCaller, identity.config.publicUrl),
    },
  ];
}

/** Reads the identity settings from the environment (failing fast on a bad one) and builds identity. */
export function startIdentity(opts: {
  env?: NodeJS.ProcessEnv;
  dataDir: string;
  kubeConfig: KubeConfig;
  roleSource?: RoleSource;
  log: (message: string) => void;
  ownNamespace: OwnNamespace;
}): Promise<Identity> {
  return createIdentity({
    config: loadIdentityConfig(opts.env ?? process.env),
    dataDir: opts.dataDir,
    kubeConfig: opts.kubeConfig,
    log: opts.log,
    ownNamespace: opts.ownNamespace,
    ...(opts.roleSource ? { roleSource: opts.roleSource } : {}),
  });
}
