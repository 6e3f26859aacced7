import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KubeConfig } from '@kubernetes/client-node';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { RunningApiServer } from '@wharf/apiserver';
import { ProjectJoinAckSchema } from '@wharf/shared/api';
import { echoServerProject } from '@wharf/shared/fixtures';
import { KubeClient } from '../../src/kube/kube-client.js';
import { kargoPath } from '../../src/kube/paths.js';
import { startBff, type RunningBff } from '../../src/server.js';
import { eventually, HAVE_CRDS, startApi } from '../support/bff-harness.js';
import { seedProject } from '../support/kube-seed.js';
import { connectClient, type RecordingClient } from '../support/socket-client.js';

const NS = 'echo-server';

describe.skipIf(!HAVE_CRDS)('when the embedded API server is killed and restarted', () => {
  let dataDir: string;
  let api: RunningApiServer;
  let bff: RunningBff;
  let client: RecordingClient;
  let kc: KubeConfig;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'wharf-bff-restart-'));
    api = await startApi(dataDir);
    kc = new KubeConfig();
    kc.loadFromString(api.kubeconfigYaml());
    await seedProject(kc, echoServerProject());
    bff = await startBff({
      kc,
      mode: 'embedded',
      logger: pino({ level: 'silent' }),
      coalesceMs: 20,
      cacheDelays: { initialMs: 50, maxMs: 300 },
    });
    await bff.cache.synced();
    client = await connectClient(bff.url);
  });
  afterAll(async () => {
    client?.close();
    await bff?.close();
    await api?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('reads fail closed with 503 meanwhile, /readyz stays 200 and reports the lost connection, the socket stays connected, the client is told to resync, and its new snapshot has changes made after the restart', async () => {
    const first = ProjectJoinAckSchema.parse(
      await new Promise((r) => client.socket.emit('project:join', { project: NS }, r)),
    );
    if (!('data' in first)) throw new Error('join failed');
    const port = api.port;
    await api.close();
    await eventually(() => (bff.clusterStatus().connected ? undefined : true));
    // A replica that has started stays in the Service (a blip must not empty it); /readyz
    // reports the lost connection instead.
    const probe = await fetch(`${bff.url}/readyz`);
    expect(probe.status).toBe(200);
    expect(await probe.json()).toMatchObject({ cluster: { connected: false } });
    // Permissions cannot be checked while Kubernetes is away: reads fail closed, saying why.
    const away = await fetch(`${bff.url}/api/v1/projects/${NS}/stages`);
    expect(away.status).toBe(503);
    expect(JSON.stringify(await away.json())).toContain('Kubernetes cannot be reached right now');

    api = await startApi(dataDir, port);
    await new KubeClient(kc).mergePatch(kargoPath('stages', NS, 'production'), {
      metadata: { annotations: { 'test/after-restart': 'yes' } },
    });
    const resync = await eventually(
      () => client.resyncs.find((r) => r.scope === 'project'),
      15_000,
    );
    expect(resync.project).toBe(NS);
    expect(client.socket.connected).toBe(true);

    const again = await eventually(async () => {
      const ack = ProjectJoinAckSchema.parse(
        await new Promise((r) => client.socket.emit('project:join', { project: NS }, r)),
      );
      if (!('data' in ack) || ack.data.mode !== 'snapshot') return undefined;
      const prod = ack.data.snapshot.stages.find((s) => s.name === 'production');
      return prod &&
        bff.cache.get('stages').get(NS, 'production')?.metadata.annotations?.['test/after-restart']
        ? ack.data
        : undefined;
    }, 15_000);
    expect(again.snapshot.version).not.toBe(
      'data' in first && first.data.mode === 'snapshot' ? first.data.snapshot.version : '',
    );
    // Connected again once every kind's informer has re-listed, not only the stages this client saw.
    await eventually(async () => {
      const body = (await (await fetch(`${bff.url}/readyz`)).json()) as {
        cluster: { connected: boolean };
      };
      return body.cluster.connected ? true : undefined;
    }, 15_000);
    const metrics = await (await fetch(`${bff.url}/metrics`)).text();
    expect(metrics).toMatch(/wharf_watch_restarts_total\{kind="stages"\} [1-9]/);
  });
});
