import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { forCreate, generateLargeProject, type FixtureObject } from '@wharf/shared/fixtures';

/** Bump when the seeded objects change, so cached clusters are rebuilt. */
const SEED_VERSION = 2;
const KARGO = '/apis/kargo.akuity.io/v1alpha1';
const PLURAL: Record<string, string> = {
  Project: 'projects',
  Warehouse: 'warehouses',
  Stage: 'stages',
  Freight: 'freights',
  Promotion: 'promotions',
};

export interface Cluster {
  url: string;
  port: number;
  pid: number;
  kubeconfig: string;
  /** Admin client for the bench's own writes (seeding, changes under test). */
  client: KubeHttp;
  project: string;
  stop(): Promise<void>;
}

/** Just enough of a Kubernetes client: JSON over HTTPS with the admin bearer token. */
export class KubeHttp {
  private readonly agent: Agent;
  constructor(
    private readonly url: string,
    private readonly ca: string,
    private readonly token: string,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: 16, ca });
  }

  send(method: string, path: string, body?: unknown, contentType = 'application/json') {
    return new Promise<Record<string, unknown>>((resolve, reject) => {
      const data = body === undefined ? undefined : JSON.stringify(body);
      const req = request(
        `${this.url}${path}`,
        {
          method,
          agent: this.agent,
          headers: {
            authorization: `Bearer ${this.token}`,
            accept: 'application/json',
            ...(data ? { 'content-type': contentType } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if ((res.statusCode ?? 500) >= 300)
              reject(new Error(`${method} ${path}: ${res.statusCode} ${text.slice(0, 300)}`));
            else resolve(text ? (JSON.parse(text) as Record<string, unknown>) : {});
          });
        },
      );
      req.on('error', reject);
      req.end(data);
    });
  }

  mergePatch(path: string, body: unknown) {
    return this.send('PATCH', path, body, 'application/merge-patch+json');
  }

  close() {
    this.agent.destroy();
  }
}

/** Runs `work` over `items` with at most `n` in flight. */
async function pool<T>(items: T[], n: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

type Obj = FixtureObject;

const hasStatus = (o: Obj) => o.status !== undefined && Object.keys(o.status as object).length > 0;

/** Writes generateLargeProject's objects as Kargo would hold them (specs, then statuses). */
async function seed(k: KubeHttp, stages: number, freight: number, log: (m: string) => void) {
  return seedFixture(k, generateLargeProject({ stages, freight, warehouses: 6, seed: 17 }), log);
}

/** Writes a project fixture's objects as Kargo would hold them (specs, then statuses). */
export async function seedFixture(
  k: KubeHttp,
  fx: ReturnType<typeof generateLargeProject>,
  log: (m: string) => void,
) {
  const ns = fx.project.metadata.name;
  await k.send('POST', '/api/v1/namespaces', {
    metadata: { name: ns, labels: { 'kargo.akuity.io/project': 'true' } },
  });
  const path = (o: Obj, sub = '') =>
    `${KARGO}${o.kind === 'Project' ? '' : `/namespaces/${ns}`}/${PLURAL[o.kind ?? '']}${sub}`;
  const create = async (o: Obj) => {
    const made = await k.send('POST', path(o), forCreate(o));
    if (hasStatus(o))
      await k.mergePatch(path(o, `/${o.metadata.name}/status`), { status: o.status });
    return made;
  };
  await create(fx.project as Obj);
  const stageUid = new Map<string, string>();
  const t0 = performance.now();
  let done = 0;
  const tick = () => {
    if (++done % 2000 === 0) log(`seeded ${done} objects`);
  };
  await pool([...fx.warehouses, ...fx.stages] as Obj[], 16, async (o) => {
    const made = (await create(o)) as { metadata?: { uid?: string } };
    if (o.kind === 'Stage') stageUid.set(o.metadata.name, made.metadata?.uid ?? '');
    tick();
  });
  await pool(fx.freight as Obj[], 16, async (o) => {
    await create(o);
    tick();
  });
  // Owner references point at the Stages' real uids, as Kargo's webhook writes them.
  await pool(fx.promotions as Obj[], 16, async (o) => {
    const owners = (o.metadata.ownerReferences ?? []) as { name: string; uid: string }[];
    for (const ref of owners) ref.uid = stageUid.get(ref.name) ?? ref.uid;
    await create(o);
    tick();
  });
  log(`seeded ${done} objects in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return ns;
}

function startProcess(root: string, dataDir: string, crds: string) {
  const child = spawn(
    process.execPath,
    [
      join(root, 'packages/apiserver/bin/wharf-apiserver.mjs'),
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--data-dir',
      dataDir,
      '--crds',
      crds,
      '--kubeconfig-out',
      join(dataDir, 'kubeconfig'),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise<{ child: ChildProcess; url: string; port: number }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`wharf-apiserver exited with ${code}`)));
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      try {
        const msg = JSON.parse(line) as { url?: string; port?: number };
        if (msg.url && msg.port) resolve({ child, url: msg.url, port: msg.port });
      } catch {
        // Not the start line.
      }
    });
  });
}

/**
 * The standalone API server (`wharf-apiserver`, no controller) holding one generated project of
 * `stages` stages and `freight` freight. Seeding takes a while, so the data directory is kept in
 * `cacheDir` and reused by later runs of the same size.
 */
export async function startCluster(opts: {
  root: string;
  crds: string;
  cacheDir: string;
  stages: number;
  freight: number;
  log: (m: string) => void;
  /** Another seed than one generated project (e.g. many projects), named by `key`. */
  seedWith?: { key: string; seed: (k: KubeHttp) => Promise<string> };
}): Promise<Cluster> {
  const dataDir = join(
    opts.cacheDir,
    opts.seedWith
      ? `${opts.seedWith.key}-v${SEED_VERSION}`
      : `cluster-${opts.stages}-${opts.freight}-v${SEED_VERSION}`,
  );
  const marker = join(dataDir, 'seeded-project');
  if (!existsSync(marker)) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const { child, url, port } = await startProcess(opts.root, dataDir, opts.crds);
  const client = new KubeHttp(
    url,
    readFileSync(join(dataDir, 'ca.crt'), 'utf8'),
    readFileSync(join(dataDir, 'admin-token'), 'utf8').trim(),
  );
  let project: string;
  if (existsSync(marker)) project = readFileSync(marker, 'utf8').trim();
  else {
    opts.log(`seeding ${opts.stages} stages and ${opts.freight} freight (kept for later runs)`);
    project = opts.seedWith
      ? await opts.seedWith.seed(client)
      : await seed(client, opts.stages, opts.freight, opts.log);
    writeFileSync(marker, project);
  }
  return {
    url,
    port,
    pid: child.pid ?? 0,
    kubeconfig: join(dataDir, 'kubeconfig'),
    client,
    project,
    stop: async () => {
      client.close();
      child.removeAllListeners('exit');
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
