import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { FreightPageSchema, ProjectJoinAckSchema, PromoteResultSchema } from '@wharf/shared/api';
import { startEmbeddedCluster, type EmbeddedCluster } from '../../src/kube/embedded-cluster.js';
import { startBff, type RunningBff } from '../../src/server.js';
import { eventually } from '../support/bff-harness.js';
import { connectClient, type RecordingClient } from '../support/socket-client.js';

const NS = 'echo-server';

describe('against the embedded cluster with the Kargo stand-in running', () => {
  let dir: string;
  let cluster: EmbeddedCluster;
  let bff: RunningBff;
  let client: RecordingClient;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wharf-bff-embedded-'));
    const logger = pino({ level: 'silent' });
    cluster = await startEmbeddedCluster({
      dataDir: dir,
      seedDemo: true,
      sharedResourcesNamespace: 'kargo-shared-resources',
      logger,
    });
    bff = await startBff({ kc: cluster.kc, mode: 'embedded', logger, coalesceMs: 20 });
    await bff.cache.synced();
    // The stand-in seeds the demo in the background; wait until the project and the stage the
    // test promotes to are there (the stages may arrive after the project).
    await eventually(() => bff.cache.get('projects').get(undefined, NS), 20_000);
    await eventually(() => bff.cache.get('stages').get(NS, 'staging'), 20_000);
    client = await connectClient(bff.url);
  });
  afterAll(async () => {
    client?.close();
    await bff?.close();
    await cluster?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('a promotion made over REST runs, and its progress reaches a subscribed socket client', async () => {
    const ack = ProjectJoinAckSchema.parse(
      await new Promise((r) => client.socket.emit('project:join', { project: NS }, r)),
    );
    expect('data' in ack, JSON.stringify(ack)).toBe(true);
    const freight = await eventually(async () => {
      const page = FreightPageSchema.parse(
        // Availability is answered for the stage asked about.
        await (await fetch(`${bff.url}/api/v1/projects/${NS}/freight?stage=staging`)).json(),
      );
      return page.items.find((f) =>
        f.availability.some((a) => a.stage === 'staging' && a.available),
      );
    }, 20_000);
    const res = await fetch(`${bff.url}/api/v1/projects/${NS}/stages/staging/promotions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ freight: freight.name }),
    });
    expect(res.status).toBe(201);
    const { promotion } = PromoteResultSchema.parse(await res.json());
    const done = await eventually(
      () =>
        client.deltas
          .flatMap((d) => d.upserts.promotions)
          .find((p) => p.name === promotion.name && p.terminal),
      25_000,
    );
    expect(done.phase).toBe('Succeeded');
    const stage = await eventually(
      () =>
        client.deltas
          .flatMap((d) => d.upserts.stages)
          .find(
            (s) => s.name === 'staging' && s.currentFreight.some((f) => f.name === freight.name),
          ),
      25_000,
    );
    expect(stage.lastPromotion?.name).toBe(promotion.name);
  }, 60_000);
});
