import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubeConfig } from '@kubernetes/client-node';
import { loadIdentityConfig } from '../../../src/identity/identity-config.js';
import { createIdentity, type Identity } from '../../../src/identity/identity.js';
import { cachedRoleSource } from '../../../src/identity/role-directory.js';
import type { ClusterCache } from '../../../src/cache/cluster-cache.js';
import { identityRouters } from '../../../src/identity/mount.js';
import { OwnNamespace } from '../../../src/own-state/own-namespace.js';
import type { BffOptions } from '../../../src/server.js';
import { type Harness, startHarness } from '../../support/bff-harness.js';
import { freePort, startOidcProvider } from '@wharf/test-support';
import { ADMIN_PASSWORD, type TestApp } from './test-app.js';

/**
 * The whole BFF (cache, REST actions, proxy, sockets) with identity plugged in exactly as main
 * does it: `resolveCaller` plus the identity routers, over real HTTP, with a real OIDC provider.
 */
export async function startIdentityBff(
  seed: (kc: KubeConfig) => Promise<void>,
  extra: Partial<BffOptions> = {},
): Promise<TestApp & { harness: Harness; identityDataDir: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const idp = await startOidcProvider({
    clients: [{ clientId: 'wharf', appUrl: url }],
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'wharf-identity-bff-'));
  let identity: Identity | undefined;
  // Role mapping reads the BFF's own informers, as in production.
  const live: { cache?: ClusterCache } = {};
  const roleSource = cachedRoleSource({
    serviceAccounts: () => live.cache?.get('serviceaccounts').list() ?? [],
    projectNamespaces: () => (live.cache?.get('projects').list() ?? []).map((p) => p.metadata.name),
  });
  const harness = await startHarness(
    async (kc) => {
      await seed(kc);
      const ownNamespace = new OwnNamespace(kc, 'wharf', { initialMs: 50, maxMs: 400 });
      await ownNamespace.ensureExists();
      identity = await createIdentity({
        ownNamespace,
        config: loadIdentityConfig({
          WHARF_ADMIN_PASSWORD: ADMIN_PASSWORD,
          WHARF_PUBLIC_URL: url,
          WHARF_OIDC_ISSUER: idp.issuer,
          WHARF_OIDC_CLIENT_ID: 'wharf',
          WHARF_OIDC_SCOPES: 'openid email groups offline_access',
        }),
        dataDir,
        kubeConfig: kc,
        roleSource,
        log: () => {},
        decisionTtlMs: 1000,
        tokenReviewTtlMs: 1000,
        loginRateLimit: 1000,
      });
    },
    () => {
      if (!identity) throw new Error('identity not built');
      return {
        port,
        resolveCaller: identity.resolveCaller,
        extraRouters: identityRouters(identity),
        // As main wires it: RBAC changes drop cached decisions at once.
        onAccessChange: () => {
          identity?.reviewer.forget();
          identity?.tokens.forget();
        },
        ...(identity.config.publicUrl ? { publicUrl: identity.config.publicUrl } : {}),
        ...extra,
      };
    },
  );
  if (!identity) throw new Error('identity not built');
  live.cache = harness.bff.cache;
  return {
    url,
    identity,
    idp,
    harness,
    identityDataDir: dataDir,
    close: async () => {
      identity?.stop();
      await harness.close();
      await idp.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
