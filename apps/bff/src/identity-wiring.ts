import type { KubeConfig } from '@kubernetes/client-node';
import type { Logger } from 'pino';
import type { ExtraRouter } from './app.js';
import type { CallerResolver } from './access/caller.js';
import { identityRouters, startIdentity } from './identity/mount.js';
import { cachedRoleSource } from './identity/role-directory.js';
import { startRoomAccessSweep } from './identity/room-access-sweep.js';
import type { ClusterCache } from './cache/cluster-cache.js';
import type { OwnNamespace } from './own-state/own-namespace.js';
import type { RunningBff } from './server.js';

export interface IdentityWiring {
  resolveCaller: CallerResolver;
  extraRouters: ExtraRouter[];
  /** WHARF_PUBLIC_URL (path ending in `/`), which identity reads for redirect URIs and cookies. */
  publicUrl: URL | undefined;
  /** WHARF_ADMIN_PASSWORD was given (otherwise one was generated and printed once). */
  adminPasswordConfigured: boolean;
  /** WHARF_GLOBAL_ROLE_NAMESPACES: their ServiceAccounts are cached beside project namespaces'. */
  globalRoleNamespaces: readonly string[];
  /** Re-checks sockets in project rooms so revoked access takes effect on live views too. */
  watchRooms(bff: RunningBff): { stop(): void };
  /** RBAC changed: forget cached decisions and re-check the rooms' members now. */
  accessChanged(): void;
  stop(): void;
}

/** Sign-in (admin password, OIDC, Kubernetes tokens) and the roles API, as the identity module builds them. */
export async function wireIdentity(opts: {
  dataDir: string;
  kc: KubeConfig;
  logger: Logger;
  /** The BFF's cache, once it exists: role mapping reads its ServiceAccounts and Projects. */
  cache: () => ClusterCache | undefined;
  /** Wharf's namespace: sign-outs are recorded there for every replica. */
  ownNamespace: OwnNamespace;
}): Promise<IdentityWiring> {
  const identity = await startIdentity({
    ownNamespace: opts.ownNamespace,
    dataDir: opts.dataDir,
    kubeConfig: opts.kc,
    log: (message) => opts.logger.info(message),
    roleSource: cachedRoleSource({
      serviceAccounts: () => opts.cache()?.get('serviceaccounts').list() ?? [],
      projectNamespaces: () =>
        (opts.cache()?.get('projects').list() ?? []).map((p) => p.metadata.name),
    }),
  });
  let sweep: ReturnType<typeof startRoomAccessSweep> | undefined;
  return {
    resolveCaller: identity.resolveCaller,
    extraRouters: identityRouters(identity),
    publicUrl: identity.config.publicUrl,
    globalRoleNamespaces: identity.config.globalRoleNamespaces,
    adminPasswordConfigured: identity.config.adminPassword !== undefined,
    stop: () => identity.stop(),
    watchRooms: (bff) =>
      (sweep = startRoomAccessSweep({
        resolveCaller: identity.resolveCaller,
        members: () => bff.roomMembers(),
        onError: (err) => opts.logger.warn({ err }, 'room access sweep failed'),
      })),
    accessChanged: () => {
      identity.reviewer.forget();
      identity.tokens.forget();
      sweep?.sweep().catch((err: unknown) => opts.logger.warn({ err }, 'room access sweep failed'));
    },
  };
}
