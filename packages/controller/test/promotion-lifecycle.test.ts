import type { Freight, Promotion, Stage } from '@wharf/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { StepRegistry } from '../src/steps/step-types.js';
import { startCluster, waitFor, type TestCluster } from './helpers/cluster.js';
import { finished, NS, promote, release, seedEchoServer } from './helpers/echo-fixture.js';

// Real git and a real API server on a shared 2-core machine: allow for a loaded CI run.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

// A step the test opens and closes, to hold a Promotion in Running on purpose.
let gateOpen = false;
const waiting: (() => void)[] = [];
const steps: StepRegistry = {
  'test-gate': async () => {
    if (!gateOpen) await new Promise<void>((resolve) => waiting.push(resolve));
    return { status: 'Succeeded' };
  },
};

let c: TestCluster;
let gitDir: string;

const testStage = (name: string, stepList: Record<string, unknown>[]) =>
  c.api.create<Stage>('Stage', {
    metadata: { name, namespace: NS },
    spec: {
      requestedFreight: [
        { origin: { kind: 'Warehouse', name: 'echo-server' }, sources: { direct: true } },
      ],
      promotionTemplate: { spec: { steps: stepList } },
    },
  });

const running = (name: string, step: number) =>
  waitFor(`${name} running step ${step}`, async () => {
    const p = await c.api.get<Promotion>('Promotion', NS, name);
    return p?.status?.phase === 'Running' &&
      p.status.currentStep === step &&
      p.status.stepExecutionMetadata?.[step]?.status === 'Running'
      ? p
      : undefined;
  });

beforeAll(async () => {
  c = await startCluster({ steps });
  gitDir = await seedEchoServer(c);
  await waitFor('freight', async () => (await c.api.list<Freight>('Freight', NS))[0]);
});
afterAll(async () => {
  gateOpen = true;
  for (const w of waiting.splice(0)) w();
  await c?.close();
});

describe('promotion lifecycle', () => {
  it('a fail step ends the Promotion Failed with its message and a PromotionFailed event', async () => {
    await testStage('fails', [
      { uses: 'compose-output', config: { x: '1' } },
      { uses: 'fail', config: { message: 'Kargo says no: ${{ ctx.stage }}' } },
    ]);
    const f = (await c.api.list<Freight>('Freight', NS))[0];
    const p = await promote(c.api, 'fails', { freight: f?.metadata.name ?? '' });
    const done = await finished(c, p.metadata.name);
    expect(done.status?.phase).toBe('Failed');
    expect(done.status?.message).toBe('failed: Kargo says no: fails');
    expect(done.status?.stepExecutionMetadata?.map((m) => m.status)).toEqual([
      'Succeeded',
      'Failed',
    ]);
    const ev = await waitFor('PromotionFailed event', async () =>
      (await c.clients.core.listNamespacedEvent({ namespace: NS })).items.find(
        (e) => e.reason === 'PromotionFailed' && e.involvedObject.name === p.metadata.name,
      ),
    );
    expect(ev?.metadata.annotations?.['event.kargo.akuity.io/stage-name']).toBe('fails');
    expect(ev?.metadata.annotations?.['event.kargo.akuity.io/freight-alias']).toBe(f?.alias);
    expect(ev.metadata.annotations?.['event.kargo.akuity.io/actor']).toBe(
      done.metadata.annotations?.['kargo.akuity.io/create-actor'],
    );
    const stage = await waitFor('fails stage not ready', async () => {
      const s = await c.api.get<Stage>('Stage', NS, 'fails');
      return s?.status?.conditions?.find(
        (x) => x.type === 'Ready' && x.reason === 'LastPromotionFailed',
      )
        ? s
        : undefined;
    });
    expect(stage.status?.lastPromotion?.name).toBe(p.metadata.name);
  });

  it('the abort annotation stops a running Promotion: Aborted, "Promotion terminated by <actor>"', async () => {
    await testStage('slow', [
      { uses: 'compose-output', config: { x: '1' } },
      { uses: 'test-gate' },
      { uses: 'compose-output', config: { y: '2' } },
    ]);
    const f = (await c.api.list<Freight>('Freight', NS))[0];
    const p = await promote(c.api, 'slow', { freight: f?.metadata.name ?? '' });
    await running(p.metadata.name, 1);
    await c.api.patch('Promotion', NS, p.metadata.name, {
      metadata: {
        annotations: {
          'kargo.akuity.io/abort': JSON.stringify({ action: 'terminate', actor: 'admin' }),
        },
      },
    });
    const done = await finished(c, p.metadata.name);
    expect(done.status?.phase).toBe('Aborted');
    expect(done.status?.message).toBe('Promotion terminated by admin');
    expect(done.status?.stepExecutionMetadata?.[1]?.status).toBe('Aborted');
  });

  it('a Promotion running when the controller restarts resumes at its current step and succeeds', async () => {
    const f = (await c.api.list<Freight>('Freight', NS))[0];
    const p = await promote(c.api, 'slow', { freight: f?.metadata.name ?? '' });
    const before = await running(p.metadata.name, 1);
    await c.restartControllers({ steps });
    gateOpen = true;
    for (const w of waiting.splice(0)) w();
    const done = await finished(c, p.metadata.name);
    expect(done.status?.phase).toBe('Succeeded');
    expect(done.status?.startedAt).toBe(before.status?.startedAt);
    expect(done.status?.stepExecutionMetadata?.[0]).toEqual(
      before.status?.stepExecutionMetadata?.[0],
    );
    expect(done.status?.state).toMatchObject({ 'step-0': { x: '1' }, 'step-2': { y: '2' } });
  });

  it('a manual promotion of older Freight holds auto-promotion; promoting by origin releases it', async () => {
    const all = await c.api.list<Freight>('Freight', NS);
    const old = all[0];
    const next = await release(c, gitDir, 'v2.0.0');
    const current = async () =>
      (await c.api.get<Stage>('Stage', NS, 'development'))?.status?.freightHistory?.[0]?.items?.[
        'Warehouse/echo-server'
      ]?.name;
    await waitFor(
      'auto-promotion of v2.0.0 to development',
      async () => (await current()) === next.metadata.name,
    );
    const manual = await promote(c.api, 'development', { freight: old?.metadata.name ?? '' });
    expect((await finished(c, manual.metadata.name)).status?.phase).toBe('Succeeded');
    const held = await c.api.get<Stage>('Stage', NS, 'development');
    expect(held?.status?.autoPromotionHolds?.['Warehouse/echo-server']).toMatchObject({
      freightName: old?.metadata.name,
      promotionName: manual.metadata.name,
    });
    // The Stage records the manual promotion's freight; the hold keeps it there once all is idle.
    await waitFor(
      'development to hold the older freight',
      async () => (await current()) === old?.metadata.name,
    );
    await c.controllers.idle();
    expect(await current()).toBe(old?.metadata.name);
    const byOrigin = await promote(c.api, 'development', {
      origin: { kind: 'Warehouse', name: 'echo-server' },
    });
    expect(byOrigin.spec.freight).toBe(next.metadata.name);
    expect((await finished(c, byOrigin.metadata.name)).status?.phase).toBe('Succeeded');
    const released = await c.api.get<Stage>('Stage', NS, 'development');
    expect(released?.status?.autoPromotionHolds?.['Warehouse/echo-server']).toBeUndefined();
  });
});
