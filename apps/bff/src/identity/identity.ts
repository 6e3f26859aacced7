import type { KubeConfig } from '@kubernetes/client-node';
import { AccessReviewer } from './access-reviewer.js';
import { type PasswordCheck, loadAdminPassword, readOrCreateHash } from './admin-password.js';
import type { IdentityConfig } from './identity-config.js';
import { OidcClient } from './oidc-client.js';
import { type CallerDeps, createCallerResolver } from './resolve-caller.js';
import { type RoleSource, listingRoleSource, roleMapper } from './role-directory.js';
import { deriveSessionKey, loadSessionKey } from './session-key.js';
import { parseKeyList, sharedAdminHash, sharedSessionKeys } from './shared-secrets.js';
import type { OwnSecret } from '../own-state/own-secret.js';
import { WHARF_SECRET, SessionRevocations } from './session-revocations.js';
import { SessionSealer } from './session.js';
import { TokenReviewer } from './token-review.js';
import type { OwnNamespace } from '../own-state/own-namespace.js';

/** Everything identity needs at run time, built once at start. */
export interface Identity extends CallerDeps {
  config: IdentityConfig;
  checkPassword: PasswordCheck;
  /** Stops watching Wharf's own objects (the revocations Secret). */
  stop(): void;
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
  /** How long a TokenReview's answer is trusted (a deleted ServiceAccount's token works that long). */
  tokenReviewTtlMs?: number;
  loginRateLimit?: number;
  /** Wharf's namespace, where sign-outs are recorded for every replica. */
  ownNamespace: OwnNamespace;
}): Promise<Identity> {
  const { config, kubeConfig } = opts;
  const secret = opts.ownNamespace.secret(WHARF_SECRET);
  const keys = config.sessionKey
    ? parseKeyList(config.sessionKey).map(deriveSessionKey)
    : await sharedOrLocal(
        async () => (await sharedSessionKeys(secret)).map(deriveSessionKey),
        async () => [await loadSessionKey(opts.dataDir)],
        `the session key`,
        secret,
        opts.log,
      );
  const sessionKey = keys[0] as Uint8Array;
  const sealer = new SessionSealer(keys);
  const admin = await loadAdminPassword({
    dataDir: opts.dataDir,
    ...(config.adminPassword ? { configured: config.adminPassword } : {}),
    announce: opts.log,
    sessionKey,
    shared: (announce) =>
      sharedOrLocal(
        () => sharedAdminHash(secret, announce),
        () => readOrCreateHash(opts.dataDir, announce),
        'the admin password hash',
        secret,
        opts.log,
      ),
  });
  const deps: CallerDeps = {
    kubeConfig,
    sealer,
    revocations: new SessionRevocations(opts.ownNamespace.secret(WHARF_SECRET)),
    adminGeneration: admin.generation,
    tokens: new TokenReviewer(kubeConfig, opts.tokenReviewTtlMs ?? 10_000),
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
    checkPassword: admin.check,
    stop: () => opts.ownNamespace.stop(),
    ...(config.oidc ? { oidc: new OidcClient(config.oidc) } : {}),
    resolveCaller: createCallerResolver(deps),
    loginRateLimit: opts.loginRateLimit ?? config.loginRateLimit,
  };
}

/**
 * What replicas share comes from Wharf's Secret; a BFF that may not keep it there (a laptop
 * against a cluster without Wharf's namespace, say) keeps it in its data dir and says so.
 */
async function sharedOrLocal<T>(
  shared: () => Promise<T>,
  local: () => Promise<T>,
  what: string,
  secret: OwnSecret,
  log: (message: string) => void,
): Promise<T> {
  try {
    return await shared();
  } catch (err) {
    log(
      `Could not keep ${what} in Secret ${secret.namespace}/${secret.name} ` +
        `(${err instanceof Error ? err.message : String(err)}); using the data dir, so replicas ` +
        `would not share it.`,
    );
    return local();
  }
}
