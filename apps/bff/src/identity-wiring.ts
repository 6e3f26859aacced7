import type { KubeConfig } from '@kubernetes/client-node';
import type { Logger } from 'pino';
import type { ExtraRouter } from './app.js';
import type { CallerResolver } from './access/caller.js';
import { identityRouters, startIdentity } from './identity/mount.js';
import { startRoomAccessSweep } from './identity/room-access-sweep.js';
import type { RunningBff } from './server.js';

export interface IdentityWiring {
  resolveCaller: CallerResolver;
  extraRouters: ExtraRouter[];
  /** Re-checks sockets in project rooms so revoked access takes effect on live views too. */
  watchRooms(bff: RunningBff): { stop(): void };
}

/** Sign-in (admin password, OIDC, Kubernetes tokens) and the roles API, as the identity module builds them. */
export async function wireIdentity(opts: {
  dataDir: string;
  kc: KubeConfig;
  logger: Logger;
}): Promise<IdentityWiring> {
  const identity = await startIdentity({
    dataDir: opts.dataDir,
    kubeConfig: opts.kc,
    log: (message) => opts.logger.info(message),
  });
  return {
    resolveCaller: identity.resolveCaller,
    extraRouters: identityRouters(identity),
    watchRooms: (bff) =>
      startRoomAccessSweep({
        resolveCaller: identity.resolveCaller,
        members: () => bff.roomMembers(),
        onError: (err) => opts.logger.warn({ err }, 'room access sweep failed'),
      }),
  };
}
