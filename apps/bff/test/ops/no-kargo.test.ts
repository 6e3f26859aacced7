import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KubeConfig } from '@kubernetes/client-node';
import { startApiServer, type RunningApiServer } from '@wharf/apiserver';
import { ClusterStatusSchema } from '@wharf/shared';
import { pino } from 'pino';
import { startBff, type RunningBff } from '../../src/server.js';
import { eventually } from '../support/bff-harness.js';

describe('on a cluster without Kargo', () => {
  let dir: string;
  let api: RunningApiServer;
  let bff: RunningBff;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wharf-bff-nokargo-'));
    api = await startApiServer({ dataDir: join(dir, 'cluster'), host: '127.0.0.1', port: 0 });
    const kc = new KubeConfig();
    kc.loadFromString(api.kubeconfigYaml());
    bff = await startBff({ kc, mode: 'kubeconfig', logger: pino({ level: 'silent' }) });
  });
  afterAll(async () => {
    await bff?.close();
    await api?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('says clearly that Kargo is missing, and is ready so the page with that message is served', async () => {
    const status = await eventually(async () => {
      const s = ClusterStatusSchema.parse(await (await fetch(`${bff.url}/api/v1/cluster`)).json());
      return s.kargoInstalled === false ? s : undefined;
    });
    expect(status.connected).toBe(false);
    expect(status.message).toContain('kargo.akuity.io/v1alpha1');
    const readyz = await fetch(`${bff.url}/readyz`);
    expect(readyz.status).toBe(200);
    const body = (await readyz.json()) as { cluster: { message?: string } };
    expect(body.cluster.message).toContain('install Kargo');
  });
});
