import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isConflict } from '../kube/clients.js';
import type { KargoApi } from '../kube/kargo-api.js';
import type { KargoKind } from '../kargo/constants.js';
import type { Logger } from '../manager/controller-manager.js';
import type { DemoProject } from './demo-types.js';
import { echoServerImageWarehouse, echoServerProject } from './echo-server.js';
import { initBareRepo, initRepo } from './git-seed.js';
import { localGitRoot } from './paths.js';
import { retailPlatformProject } from './retail-platform.js';

async function createIfMissing(
  api: KargoApi,
  kind: KargoKind,
  obj: { metadata: Record<string, unknown>; spec?: unknown },
): Promise<void> {
  try {
    await api.create(kind, obj as { metadata: { name: string } });
  } catch (err) {
    if (!isConflict(err)) throw err;
  }
}

export async function seedRepos(gitDir: string, project: DemoProject): Promise<void> {
  for (const r of project.repos) {
    const dir = join(gitDir, r.dir);
    if (existsSync(dir)) continue;
    if (!r.bare) await initRepo(dir, r.files, `Release ${r.tag ?? 'initial'}`, r.tag);
    else {
      const scratch = await mkdtemp(join(tmpdir(), 'wharf-demo-'));
      await initBareRepo(dir, r.files, scratch, r.branches);
      await rm(scratch, { recursive: true, force: true });
    }
  }
}

export async function seedProject(api: KargoApi, project: DemoProject): Promise<void> {
  const ns = project.name;
  await createIfMissing(api, 'Project', { metadata: { name: ns } });
  await createIfMissing(api, 'ProjectConfig', {
    metadata: { name: ns, namespace: ns },
    spec: project.config,
  });
  for (const t of project.tasks)
    await createIfMissing(api, 'PromotionTask', {
      ...t,
      metadata: { ...t.metadata, namespace: ns },
    });
  for (const w of project.warehouses)
    await createIfMissing(api, 'Warehouse', { ...w, metadata: { ...w.metadata, namespace: ns } });
  for (const s of project.stages)
    await createIfMissing(api, 'Stage', { ...s, metadata: { ...s.metadata, namespace: ns } });
}

/** Seeds the demo once: a marker file makes later starts leave everything (repos and objects) alone. */
export async function seedDemo(
  api: KargoApi,
  dataDir: string,
  logger: Logger,
  demoImage?: string,
): Promise<void> {
  // Asked for on this start (not only the first): a warehouse on a real registry, beside the demo.
  if (demoImage) {
    await createIfMissing(api, 'Warehouse', echoServerImageWarehouse(demoImage));
    logger.info({ image: demoImage }, 'the demo subscribes to an image repository');
  }
  const marker = join(dataDir, 'demo', '.seeded');
  if (existsSync(marker)) return;
  const gitDir = localGitRoot(dataDir);
  for (const project of [echoServerProject(), retailPlatformProject()]) {
    await seedRepos(gitDir, project);
    await seedProject(api, project);
    logger.info({ project: project.name }, 'seeded demo project');
  }
  await writeFile(marker, `${new Date().toISOString()}\n`);
}
