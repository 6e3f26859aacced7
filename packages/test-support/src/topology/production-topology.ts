import { randomBytes, scrypt } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KARGO_RESOURCES } from '@wharf/shared';
import { echoServerProject, forCreate, type FixtureObject } from '@wharf/shared/fixtures';
import { startOidcProvider, type TestAccount, type TestOidcProvider } from '../oidc-provider.js';
import { freePort, type startDaemon, stopDaemon } from '../processes.js';
import { selfSignedCert } from '../tls.js';
import { apiServerReady, startStandaloneApiServer } from './apiserver.js';
import type { KubeAdmin } from './kube-admin.js';
import { startNginx, type Nginx } from './nginx.js';
import { Replica } from './replica.js';
import { ensureBuilt, REPO_ROOT } from './repo.js';

/** The seeded Kargo project (echo-server: a warehouse, three stages, freight, as Kargo writes them). */
export const PROJECT = 'echo-server';
/** The path Wharf is hosted under, as an operator puts it behind a shared host. */
export const BASE_PATH = '/wharf';
export const ADMIN_PASSWORD = 'topology-admin-password';

/**
 * Users of the project, as Kargo's own roles make them: a ServiceAccount with Kargo's claims
 * annotation, bound to a Role in the project namespace. Sign in as one with a token
 * (`topology.token(user)`) or through the test OIDC provider with its email.
 */
export const USERS = {
  /** Kargo's `kargo-promoter`: reads the project, promotes, approves. */
  promoter: { sa: 'kargo-promoter', email: 'promoter@example.com', groups: ['release-team'] },
  /** Kargo's `kargo-viewer`: reads the project only. */
  viewer: { sa: 'kargo-viewer', email: 'viewer@example.com', groups: ['readers'] },
  /** Kargo's `kargo-admin` of the project: everything Kargo's, aborts included. */
  projectAdmin: { sa: 'kargo-admin', email: 'owner@example.com', groups: ['platform'] },
} as const;
export type UserName = keyof typeof USERS;

const KARGO_READ = [
  'freights',
  'stages',
  'warehouses',
  'promotions',
  'projectconfigs',
  'promotiontasks',
];

/** The Roles behind USERS, with the rules of Kargo's default project roles of the same names. */
function userRoles(ns: string) {
  const read = [
    { apiGroups: ['kargo.akuity.io'], resources: KARGO_READ, verbs: ['get', 'list', 'watch'] },
    { apiGroups: [''], resources: ['events', 'serviceaccounts'], verbs: ['get', 'list', 'watch'] },
    {
      apiGroups: ['rbac.authorization.k8s.io'],
      resources: ['roles', 'rolebindings'],
      verbs: ['get', 'list', 'watch'],
    },
  ];
  const promote = [
    { apiGroups: ['kargo.akuity.io'], resources: ['stages'], verbs: ['promote'] },
    { apiGroups: ['kargo.akuity.io'], resources: ['promotions'], verbs: ['create'] },
    { apiGroups: ['kargo.akuity.io'], resources: ['freights/status'], verbs: ['patch'] },
  ];
  const admin = [
    ...read,
    { apiGroups: ['kargo.akuity.io'], resources: KARGO_READ, verbs: ['*'] },
    { apiGroups: ['kargo.akuity.io'], resources: ['freights/status'], verbs: ['patch'] },
  ];
  return [
    { user: USERS.promoter, rules: [...read, ...promote] },
    { user: USERS.viewer, rules: read },
    { user: USERS.projectAdmin, rules: admin },
  ].map(({ user, rules }) => ({
    serviceAccount: {
      metadata: {
        name: user.sa,
        namespace: ns,
        annotations: {
          'rbac.kargo.akuity.io/claims': JSON.stringify({ email: [user.email] }),
          'rbac.kargo.akuity.io/managed': 'true',
        },
      },
    },
    role: { metadata: { name: user.sa, namespace: ns }, rules },
    binding: {
      metadata: { name: user.sa, namespace: ns },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: user.sa },
      subjects: [{ kind: 'ServiceAccount', name: user.sa, namespace: ns }],
    },
  }));
}

export interface TopologyOptions {
  replicas?: number;
  /** Extra settings for every replica. */
  env?: Record<string, string>;
  /** Seconds the test provider's ID tokens live (default an hour): short to see sessions refresh. */
  idTokenTtl?: number;
}

/**
 * Wharf as it runs in production, from real parts on loopback: the standalone API server as "the
 * cluster" (Kargo's CRDs, no Wharf controller, Kargo-shaped status written in), Wharf's RBAC from
 * deploy/rbac applied with kubectl, the replicas signed in to Kubernetes with a token of
 * ServiceAccount `wharf` in namespace `wharf`, and nginx terminating TLS in front of them under
 * /wharf/. Start it once per test file: it takes seconds.
 */
export class ProductionTopology {
  readonly replicas: Replica[] = [];
  private readonly extra: Replica[] = [];
  /** The settings every replica gets, port and data dir aside. */
  private replicaEnv: Record<string, string> = {};
  private constructor(
    readonly dir: string,
    readonly admin: KubeAdmin,
    readonly idp: TestOidcProvider,
    private readonly apiserver: ReturnType<typeof startDaemon>,
    private readonly nginx: Nginx,
    private readonly certPem: string,
  ) {}

  /** What browsers open: `https://127.0.0.1:<port>/wharf/`. */
  get url(): string {
    return `https://127.0.0.1:${this.nginx.port}${BASE_PATH}/`;
  }

  get origin(): string {
    return `https://127.0.0.1:${this.nginx.port}`;
  }

  /** A Kubernetes token of one of USERS (`kubectl create token`). */
  token(user: UserName): Promise<string> {
    return this.admin.token(PROJECT, USERS[user].sa);
  }

  static async start(opts: TopologyOptions = {}): Promise<ProductionTopology> {
    await ensureBuilt();
    const dir = await mkdtemp(join(tmpdir(), 'wharf-topology-'));
    const [apiPort, nginxPort, ...ports] = await Promise.all(
      Array.from({ length: 2 + (opts.replicas ?? 2) }, () => freePort()),
    );
    if (!apiPort || !nginxPort) throw new Error('no free ports');
    const replicaPorts = ports as number[];
    const url = `https://127.0.0.1:${nginxPort}${BASE_PATH}/`;

    const adminKubeconfig = join(dir, 'admin.kubeconfig');
    const apiserver = startStandaloneApiServer(dir, apiPort, adminKubeconfig);
    const cleanup: (() => Promise<unknown>)[] = [
      () => rm(dir, { recursive: true, force: true }),
      () => stopDaemon(apiserver),
    ];
    try {
      const admin = await apiServerReady(apiserver, adminKubeconfig);

      // Wharf's identity, exactly as an operator installs it.
      await admin.kubectl(['apply', '-f', join(REPO_ROOT, 'deploy/rbac/')]);
      await seedProject(admin);
      await setAdminPassword(admin, ADMIN_PASSWORD);
      const wharfKubeconfig = join(dir, 'wharf.kubeconfig');
      await admin.writeKubeconfig(wharfKubeconfig, 'wharf', await admin.token('wharf', 'wharf'));

      const idp = await startOidcProvider({
        clients: [{ clientId: 'wharf', appUrl: url }],
        ...(opts.idTokenTtl ? { idTokenTtl: opts.idTokenTtl } : {}),
        accounts: Object.fromEntries(
          Object.values(USERS).map((u): [string, TestAccount] => [
            u.email,
            { email: u.email, groups: [...u.groups] },
          ]),
        ),
      });
      cleanup.push(() => idp.close());
      const cert = await selfSignedCert(dir);
      const nginx = await startNginx({
        dir,
        port: nginxPort,
        path: BASE_PATH,
        upstreams: replicaPorts,
        cert,
      });
      cleanup.push(() => nginx.stop());
      const topology = new ProductionTopology(dir, admin, idp, apiserver, nginx, cert.certPem);
      // What every replica is given: no session key, no admin password. The replicas keep both in
      // Wharf's Secret, the first to start creating the key.
      topology.replicaEnv = {
        HOST: '127.0.0.1',
        KUBECONFIG: wharfKubeconfig,
        WHARF_PUBLIC_URL: url,
        // nginx is the one hop in front, as an Ingress controller is.
        WHARF_TRUST_PROXY: '1',
        WHARF_OIDC_ISSUER: idp.issuer,
        WHARF_OIDC_CLIENT_ID: 'wharf',
        WHARF_OIDC_SCOPES: 'openid email groups offline_access',
        LOG_LEVEL: 'warn',
        ...opts.env,
      };
      replicaPorts.forEach((port, i) => {
        const name = `replica-${i + 1}`;
        topology.replicas.push(
          new Replica(name, port, BASE_PATH, {
            ...topology.replicaEnv,
            WHARF_DATA_DIR: join(dir, name),
          }),
        );
      });
      cleanup.push(() => Promise.all(topology.replicas.map((r) => r.stop())));
      await Promise.all(topology.replicas.map((r) => r.start()));
      return topology;
    } catch (err) {
      // Nothing started here may outlive a failed start.
      for (const undo of cleanup.reverse()) await undo().catch(() => undefined);
      throw err;
    }
  }

  /**
   * One more replica, outside the proxy, with the same settings but its own Kubernetes identity:
   * ServiceAccount `wharf/<serviceAccount>`, which the test gives what RBAC it likes.
   */
  async startExtraReplica(serviceAccount: string): Promise<Replica> {
    const kubeconfig = join(this.dir, `${serviceAccount}.kubeconfig`);
    await this.admin.writeKubeconfig(
      kubeconfig,
      serviceAccount,
      await this.admin.token('wharf', serviceAccount),
    );
    const replica = new Replica(serviceAccount, await freePort(), BASE_PATH, {
      ...this.replicaEnv,
      KUBECONFIG: kubeconfig,
      WHARF_DATA_DIR: join(this.dir, serviceAccount),
    });
    this.extra.push(replica);
    await replica.start();
    return replica;
  }

  /** The test certificate nginx serves, for clients to trust. */
  get caPem(): string {
    return this.certPem;
  }

  async close(): Promise<void> {
    await Promise.all([...this.replicas, ...this.extra].map((r) => r.stop()));
    await this.nginx.stop();
    await this.idp.close();
    await stopDaemon(this.apiserver);
    await rm(this.dir, { recursive: true, force: true });
  }
}

const PLURALS: Record<string, string> = Object.fromEntries(
  Object.values(KARGO_RESOURCES).map((r) => [r.kind, r.plural]),
);

/**
 * The admin password as an operator chooses it with nothing per replica: its scrypt hash
 * (`scrypt$N$r$p$salt$hash`, base64url) under `admin-password-hash` in Secret wharf/wharf-secret.
 */
async function setAdminPassword(admin: KubeAdmin, password: string): Promise<void> {
  const salt = randomBytes(16);
  const N = 16384;
  const hash = await new Promise<Buffer>((resolve, reject) =>
    scrypt(password, salt, 32, { N, r: 8, p: 1 }, (err, key) => (err ? reject(err) : resolve(key))),
  );
  const encoded = ['scrypt', N, 8, 1, salt.toString('base64url'), hash.toString('base64url')];
  await admin.request('POST', '/api/v1/namespaces/wharf/secrets', {
    metadata: { name: 'wharf-secret' },
    type: 'Opaque',
    data: { 'admin-password-hash': Buffer.from(encoded.join('$')).toString('base64') },
  });
}

/** The echo-server project as Kargo leaves it (its webhook's namespace, its controllers' status). */
async function seedProject(admin: KubeAdmin): Promise<void> {
  const fx = echoServerProject();
  await admin.request('POST', '/api/v1/namespaces', {
    metadata: { name: PROJECT, labels: { 'kargo.akuity.io/project': 'true' } },
  });
  const objects: FixtureObject[] = [
    fx.project,
    ...(fx.projectConfig ? [fx.projectConfig] : []),
    ...fx.warehouses,
    ...fx.stages,
    ...fx.freight,
    ...fx.promotions,
  ];
  for (const o of objects) {
    const plural = PLURALS[o.kind ?? ''];
    if (!plural) throw new Error(`unknown kind ${String(o.kind)}`);
    const ns = o.metadata.namespace ? `/namespaces/${o.metadata.namespace}` : '';
    await admin.createWithStatus(`/apis/kargo.akuity.io/v1alpha1${ns}/${plural}`, {
      ...forCreate(o),
      status: o.status,
    });
  }
  for (const { serviceAccount, role, binding } of userRoles(PROJECT)) {
    await admin.request('POST', `/api/v1/namespaces/${PROJECT}/serviceaccounts`, serviceAccount);
    const rbac = `/apis/rbac.authorization.k8s.io/v1/namespaces/${PROJECT}`;
    await admin.request('POST', `${rbac}/roles`, role);
    await admin.request('POST', `${rbac}/rolebindings`, binding);
  }
}
