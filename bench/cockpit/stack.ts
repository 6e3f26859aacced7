// The cockpit's stack: the standalone API server (`wharf-apiserver`, no controller) holding many
// generated projects (generateLargeProject per project, renamed), cached between runs, and the
// BFF in kubeconfig mode with sign-in in front of it.
import { join, resolve } from 'node:path';
import { generateLargeProject } from '@wharf/shared/fixtures';
import type { BffProcess } from '../scale/bff-process.js';
import { seedFixture, startCluster, type Cluster, type KubeHttp } from '../scale/cluster.js';
import { ROOT, startBffFor } from '../scale/stack.js';

export interface CockpitShape {
  projects: number;
  stages: number;
  freight: number;
}

export type Fixture = ReturnType<typeof generateLargeProject>;

/** Project i: the generated project under its own name (every namespace reference renamed). */
export function projectFixture(shape: CockpitShape, i: number): Fixture {
  const fx = generateLargeProject({
    stages: shape.stages,
    freight: shape.freight,
    warehouses: 3,
    seed: i + 1,
  });
  const name = `cockpit-${String(i).padStart(3, '0')}`;
  const from = fx.project.metadata.name;
  return JSON.parse(JSON.stringify(fx).replaceAll(`"${from}"`, `"${name}"`)) as Fixture;
}

async function seedAll(shape: CockpitShape, k: KubeHttp, log: (m: string) => void) {
  const t0 = performance.now();
  for (let i = 0; i < shape.projects; i++) {
    await seedFixture(k, projectFixture(shape, i), () => undefined);
    if ((i + 1) % 10 === 0)
      log(
        `seeded ${i + 1}/${shape.projects} projects (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
      );
  }
  return `${shape.projects} projects`;
}

export async function startCockpitStack(
  shape: CockpitShape,
  log: (m: string) => void,
): Promise<{ cluster: Cluster; bff: BffProcess }> {
  const cluster = await startCluster({
    root: ROOT,
    crds: resolve(ROOT, '../shared/kargo-crds'),
    cacheDir: join(
      resolve(process.env.WHARF_BENCH_DIR ?? 'bench'),
      'node_modules/.cache/wharf-cockpit',
    ),
    stages: shape.stages,
    freight: shape.freight,
    log,
    seedWith: {
      key: `cockpit-${shape.projects}x${shape.stages}x${shape.freight}`,
      seed: (k) => seedAll(shape, k, log),
    },
  });
  log(`cluster up (${cluster.project}); starting the BFF`);
  const bff = await startBffFor(cluster);
  return { cluster, bff };
}
