// What one answer of GET /api/v1/projects/<p>/capabilities costs for a big project: reviews the
// BFF asks Kubernetes for (counted by the API server's /metrics) and milliseconds, for a token
// user and an SSO user holding Kargo's promoter rules. Runs the production topology (standalone
// wharf-apiserver with Kargo's CRDs, Wharf's RBAC, one BFF replica behind nginx).
//   node bench/capabilities/run.mjs [stages=600] [rounds=5]
import { loadavg } from 'node:os';
import { forCreate, generateLargeProject } from '@wharf/shared/fixtures';
import {
  ProductionTopology,
  TOPOLOGY_USERS,
  TopologyClient,
  type KubeAdmin,
} from '@wharf/test-support';

const STAGES = Number(process.argv[2] ?? 600);
const ROUNDS = Number(process.argv[3] ?? 5);
const NS = `bench-${STAGES}`;
const KARGO = 'kargo.akuity.io';
const SA = 'bench-promoter';
/** Longer than the BFF's decision cache (3 s), so each round starts cold. */
const COLD_AFTER_MS = 3500;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `each` over `items`, `width` at a time. */
async function inParallel<T>(items: T[], width: number, each: (t: T) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await each(items[next++] as T);
    }),
  );
}

/** The project's spec objects (no freight, no status: capabilities read only the stage list). */
async function seed(admin: KubeAdmin) {
  const p = generateLargeProject({ stages: STAGES, freight: 0 });
  const bare = <T extends { metadata: { name: string } }>(o: T) => {
    const rest = forCreate(o);
    return { ...rest, metadata: { ...rest.metadata, namespace: NS } };
  };
  await admin.request('POST', '/api/v1/namespaces', {
    metadata: { name: NS, labels: { 'kargo.akuity.io/project': 'true' } },
  });
  const { namespace: _n, ...projectMeta } = bare(p.project).metadata;
  await admin.request('POST', `/apis/${KARGO}/v1alpha1/projects`, {
    ...bare(p.project),
    metadata: { ...projectMeta, name: NS },
  });
  const ns = `/apis/${KARGO}/v1alpha1/namespaces/${NS}`;
  await inParallel(p.warehouses, 8, (w) => admin.request('POST', `${ns}/warehouses`, bare(w)));
  await inParallel(p.stages, 8, (s) => admin.request('POST', `${ns}/stages`, bare(s)));
  // Kargo's kargo-promoter rules, on a ServiceAccount the SSO promoter's email maps to.
  await admin.request('POST', `/api/v1/namespaces/${NS}/serviceaccounts`, {
    metadata: {
      name: SA,
      annotations: {
        'rbac.kargo.akuity.io/claims': JSON.stringify({ email: [TOPOLOGY_USERS.promoter.email] }),
      },
    },
  });
  const rbac = `/apis/rbac.authorization.k8s.io/v1/namespaces/${NS}`;
  await admin.request('POST', `${rbac}/roles`, {
    metadata: { name: SA },
    rules: [
      {
        apiGroups: [KARGO],
        resources: ['freights', 'stages', 'warehouses', 'promotions', 'projectconfigs'],
        verbs: ['get', 'list', 'watch'],
      },
      { apiGroups: [KARGO], resources: ['stages'], verbs: ['promote'] },
      { apiGroups: [KARGO], resources: ['promotions'], verbs: ['create'] },
      { apiGroups: [KARGO], resources: ['freights/status'], verbs: ['patch'] },
    ],
  });
  await admin.request('POST', `${rbac}/rolebindings`, {
    metadata: { name: SA },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: SA },
    subjects: [{ kind: 'ServiceAccount', name: SA, namespace: NS }],
  });
}

/** Reviews the API server has answered so far, by kind. */
async function reviews(admin: KubeAdmin): Promise<Record<string, number>> {
  const text = String(await admin.request('GET', '/metrics'));
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/resource="(\w*reviews)"[^}]*\} (\d+)/g)) {
    const kind = m[1] ?? '';
    out[kind] = (out[kind] ?? 0) + Number(m[2]);
  }
  return out;
}

const t = await ProductionTopology.start({ replicas: 1 });
try {
  const started = Date.now();
  await seed(t.admin);
  console.log(`seeded ${STAGES} stages in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const token = new TopologyClient(t.url, t.caPem);
  const login = await token.request('POST', 'api/v1/auth/login', {
    token: await t.admin.token(NS, SA),
  });
  if (login.status !== 200) throw new Error(`token sign-in: ${login.status} ${login.text}`);
  const sso = new TopologyClient(t.url, t.caPem);
  t.idp.loginAs(TOPOLOGY_USERS.promoter.email);
  const landed = await sso.follow('api/v1/auth/oidc/login');
  if (landed.status !== 200) throw new Error(`OIDC sign-in: ${landed.status}`);

  const path = `api/v1/projects/${NS}/capabilities`;
  // The BFF's cache fills from its watches: wait until it holds every stage.
  for (;;) {
    const res = await token.request('GET', path);
    const n = res.status === 200 ? Object.keys(res.json<{ stages: object }>().stages).length : 0;
    if (n === STAGES) break;
    await sleep(500);
  }

  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log('user   round  ms      reviews (by kind)');
  for (const [who, client] of [
    ['token', token],
    ['sso', sso],
  ] as const) {
    for (let round = 1; round <= ROUNDS; round++) {
      await sleep(COLD_AFTER_MS);
      const before = await reviews(t.admin);
      const t0 = performance.now();
      const res = await client.request('GET', path);
      const ms = performance.now() - t0;
      if (res.status !== 200) {
        const log = t.replicas[0]?.log() ?? '';
        console.log(
          `${who.padEnd(6)} ${String(round).padEnd(6)} answered ${res.status} after ${ms.toFixed(0)} ms`,
        );
        console.log(
          log
            .split('\n')
            .filter((l) => /error/i.test(l))
            .slice(-3)
            .join('\n')
            .slice(0, 1500),
        );
        continue;
      }
      const after = await reviews(t.admin);
      const made = Object.entries(after)
        .map(([k, v]) => [k, v - (before[k] ?? 0)] as const)
        .filter(([, v]) => v > 0);
      const total = made.reduce((a, [, v]) => a + v, 0);
      const kinds = made.map(([k, v]) => `${v} ${k}`).join(', ');
      console.log(
        `${who.padEnd(6)} ${String(round).padEnd(6)} ${ms.toFixed(0).padEnd(7)} ${total} (${kinds})`,
      );
    }
  }
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} finally {
  await t.close();
}
