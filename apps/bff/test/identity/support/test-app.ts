import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import { authRouter } from '../../../src/identity/auth-router.js';
import { loadIdentityConfig } from '../../../src/identity/identity-config.js';
import { createIdentity, type Identity } from '../../../src/identity/identity.js';
import type { RoleSource } from '../../../src/identity/role-directory.js';
import type { TrustProxy } from '../../../src/ops/trust-proxy.js';
import { OwnNamespace } from '../../../src/own-state/own-namespace.js';
import { rolesRouter } from '../../../src/roles/roles-router.js';
import type { TestCluster } from './cluster.js';
import { type TestOidcProvider as TestIdp, startOidcProvider } from '@wharf/test-support';

export const ADMIN_PASSWORD = 'test-admin-password';

export interface TestApp {
  url: string;
  identity: Identity;
  idp: TestIdp;
  close(): Promise<void>;
}

/**
 * The identity and roles routers over real HTTP on port 0, against the embedded cluster, with a
 * real OIDC provider. `env` adds or overrides identity settings.
 */
export async function startTestApp(
  cluster: TestCluster,
  opts: {
    env?: Record<string, string>;
    idTokenTtl?: number;
    loginRateLimit?: number;
    roleSource?: RoleSource;
    /** Express's `trust proxy`, as WHARF_TRUST_PROXY sets it in the BFF. */
    trustProxy?: TrustProxy;
  } = {},
): Promise<TestApp> {
  const { env = {}, idTokenTtl } = opts;
  const app = express();
  app.set('trust proxy', opts.trustProxy ?? false);
  const server = createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const idp = await startOidcProvider({
    clients: [{ clientId: 'wharf', appUrl: url }],
    ...(idTokenTtl ? { idTokenTtl } : {}),
  });
  const config = loadIdentityConfig({
    WHARF_ADMIN_PASSWORD: ADMIN_PASSWORD,
    WHARF_PUBLIC_URL: url,
    WHARF_OIDC_ISSUER: idp.issuer,
    WHARF_OIDC_CLIENT_ID: 'wharf',
    WHARF_OIDC_SCOPES: 'openid email groups offline_access',
    WHARF_GLOBAL_ROLE_NAMESPACES: 'kargo',
    ...env,
  });
  const ownNamespace = new OwnNamespace(cluster.kc, 'wharf', { initialMs: 50, maxMs: 400 });
  await ownNamespace.ensureExists();
  const identity = await createIdentity({
    ownNamespace,
    config,
    dataDir: join(cluster.dataDir, 'bff'),
    kubeConfig: cluster.kc,
    log: () => {},
    decisionTtlMs: 1000,
    tokenReviewTtlMs: 1000,
    loginRateLimit: opts.loginRateLimit ?? 1000,
    ...(opts.roleSource ? { roleSource: opts.roleSource } : {}),
  });
  app.use('/api/v1/auth', authRouter(identity));
  app.use('/api/v1/projects/:p/roles', rolesRouter(identity.resolveCaller, config.publicUrl));
  return {
    url,
    identity,
    idp,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await idp.close();
      identity.stop();
    },
  };
}
