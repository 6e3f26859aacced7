import { join } from 'node:path';
import type { Freight, Promotion, Stage } from '@wharf/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { echoServerProject } from '../src/demo/echo-server.js';
import { seedProject, seedRepos } from '../src/demo/seed-demo.js';
import { git } from '../src/git/git-cli.js';
import { startCluster, waitFor, type TestCluster } from './helpers/cluster.js';

let c: TestCluster;
let gitDir: string;
const NS = 'echo-server';

beforeAll(async () => {
  c = await startCluster();
  gitDir = join(c.dir, 'demo', 'git');
  const project = echoServerProject();
  await seedRepos(gitDir, project);
  await seedProject(c.api, project);
});
afterAll(async () => c?.close());

describe('echo-server pipeline on the embedded API server', () => {
  it('turns a release into Freight with Kargo name and alias, auto-promotes it to development with real commits, and verifies it', async () => {
    const freight = await waitFor(
      'freight',
      async () => (await c.api.list<Freight>('Freight', NS))[0],
    );
    expect(freight.metadata.name).toMatch(/^[0-9a-f]{40}$/);
    expect(freight.alias).toMatch(/^[a-z]+-[a-z]+$/);
    expect(freight.metadata.labels?.['kargo.akuity.io/alias']).toBe(freight.alias);
    expect(freight.commits?.[0]?.tag).toBe('v1.0.0');

    const promo = await waitFor('development promotion to finish', async () => {
      const p = (await c.api.list<Promotion>('Promotion', NS)).find(
        (x) => x.spec.stage === 'development',
      );
      return p?.status?.phase === 'Succeeded' ||
        p?.status?.phase === 'Failed' ||
        p?.status?.phase === 'Errored'
        ? p
        : undefined;
    });
    expect(promo.status?.message).toBe('All steps completed');
    expect(promo.status?.phase).toBe('Succeeded');
    expect(promo.metadata.name).toMatch(
      new RegExp(`^development\\.[0-9a-z]{26}\\.${freight.metadata.name.slice(0, 7)}$`),
    );

    const log = await git(['log', '--format=%s', 'stage/development'], {
      cwd: join(gitDir, 'echo-server-gitops.git'),
    });
    expect(log).toContain('Promote echo-server v1.0.0 to development');
    const kustomization = await git(['show', 'stage/development:stage/kustomization.yaml'], {
      cwd: join(gitDir, 'echo-server-gitops.git'),
    });
    expect(kustomization).toContain('newTag: v1.0.0');

    const verified = await waitFor('freight verified in development', async () => {
      const f = await c.api.get<Freight>('Freight', NS, freight.metadata.name);
      return f?.status?.verifiedIn?.development ? f : undefined;
    });
    expect(verified.status?.currentlyIn?.development?.since).toBeTruthy();
    const stage = await waitFor('development Ready', async () => {
      const s = await c.api.get<Stage>('Stage', NS, 'development');
      return s?.status?.conditions?.find((x) => x.type === 'Ready' && x.status === 'True')
        ? s
        : undefined;
    });
    expect(stage.status?.autoPromotionEnabled).toBe(true);
    expect(stage.status?.freightHistory?.[0]?.verificationHistory?.[0]?.phase).toBe('Successful');
  });
});
