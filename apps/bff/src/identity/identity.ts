import type { KubeConfig } from '@kubernetes/client-node';
import { AccessReviewer } from './access-reviewer.js';
import { type PasswordCheck, loadAdminPassword } from './admin-password.js';
import type { IdentityConfig } from './identity-config.js';
import { OidcClient } from './oidc-client.js';
import { type CallerDeps, createCallerResolver } from './resolve-caller.js';
import { type RoleSource, listingRoleSource, roleMapper } from './role-directory.js';
import { loadSessionKey } from './session-key.js';
import { SessionSealer } from './session.js';

/** Everything identity needs at run time, built once at start. */
export interface Identity extends CallerDeps {
  config: IdentityConfig;
  checkPassword: PasswordCheck;
  oidc?: OidcClient;
  resolveCaller: ReturnType<typeof createCallerResolver>;
  /** Login attempts allowed per client address per minute. */
  loginRateLimit: number;
}

export async function createIdentity(opts: {
  config: IdentityConfig;
  dataDir: string;
  kubeConfig: KubeConfig;
  /** The BFF's informer-backed source; without it ServiceAccounts are listed (briefly cached). */
  roleSource?: RoleSource;
  log: (message: string) => void;
  decisionTtlMs?: number;
  loginRateLimit?: number;
}): Promise<Identity> {
  const { config, kubeConfig } = opts;
  const sealer = new SessionSealer(await loadSessionKey(opts.dataDir, config.sessionKey));
  const checkPassword = await loadAdminPassword({
    dataDir: opts.dataDir,
    ...(config.adminPassword ? { configured: config.adminPassword } : {}),
    announce: opts.log,
  });
  const deps: CallerDeps = {
    kubeConfig,
    sealer,
    reviewer: new AccessReviewer(kubeConfig, opts.decisionTtlMs ?? 3000),
    mapper: roleMapper(
      opts.roleSource ?? listingRoleSource(kubeConfig),
      config.globalRoleNamespaces,
    ),
    ...(config.adminImpersonateUser ? { adminImpersonateUser: config.adminImpersonateUser } : {}),
  };
  return {
    ...deps,
    config,
    checkPassword,
    ...(config.oidc ? { oidc: new OidcClient(config.oidc) } : {}),
    resolveCaller: createCallerResolver(deps),
    loginRateLimit: opts.loginRateLimit ?? config.loginRateLimit,
  };
}
