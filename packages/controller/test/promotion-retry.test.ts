import { join } from 'node:path';
import type { Freight, Promotion, Stage } from '@wharf/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { initRepo } from '../src/demo/git-seed.js';
import { startCluster, waitFor, type TestCluster } from './helpers/cluster.js';
import { finished, NS, promote, seedEchoServer } from './helpers/echo-fixture.js';

// Real git and a real API server on a shared 2-core machine: allow for a loaded CI run.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let c: TestCluster;

const stageWith = (name: string, steps: Record<string, unknown>[]) =>
  c.api.create<Stage>('Stage', {
    metadata: { name, namespace: NS },
    spec: {
      requestedFreight: [
        { origin: { kind: 'Warehouse', name: 'echo-server' }, sources: { direct: true } },
      ],
      promotionTemplate: { spec: { steps } },
    },
  });

const cloneOf = (repoURL: string, retry: Record<string, unknown>) => ({
  as: 'clone',
  uses: 'git-clone',
  retry,
  config: { repoURL, checkout: [{ branch: 'main', path: 'src' }] },
});

const promoteTo = async (stage: string) => {
  const f = (await c.api.list<Freight>('Freight', NS))[0];
  return promote(c.api, stage, { freight: f?.metadata.name ?? '' });
};

/** Resolves once the step has errored `count` times and the Promotion is still Running. */
const erroredTimes = (name: string, count: number) =>
  waitFor(`${name} to error ${count} times`, async () => {
    const p = await c.api.get<Promotion>('Promotion', NS, name);
    const m = p?.status?.stepExecutionMetadata?.[0];
    return p?.status?.phase === 'Running' && (m?.errorCount ?? 0) >= count ? p : undefined;
  });

beforeAll(async () => {
  c = await startCluster();
  await seedEchoServer(c);
  await waitFor('freight', async () => (await c.api.list<Freight>('Freight', NS))[0]);
});
afterAll(async () => {
  await c?.close();
});

describe('promotion step retries (retry.errorThreshold, retry.timeout)', () => {
  it('a step that always errors with errorThreshold 3 stays Running while retrying, then ends Errored after 3 attempts', async () => {
    const missing = join(c.dir, 'no-such-repo');
    await stageWith('flaky', [cloneOf(missing, { errorThreshold: 3 })]);
    const p = await promoteTo('flaky');
    const retrying = await erroredTimes(p.metadata.name, 1);
    const m1 = retrying.status?.stepExecutionMetadata?.[0];
    expect(m1?.status).toBe('Errored');
    expect(m1?.message).toMatch(/no-such-repo.*; step will be retried$/s);
    const done = await finished(c, p.metadata.name);
    expect(done.status?.phase).toBe('Errored');
    const m = done.status?.stepExecutionMetadata?.[0];
    expect(m?.errorCount).toBe(3);
    expect(m?.status).toBe('Errored');
    expect(m?.startedAt).toBe(m1?.startedAt);
    expect(done.status?.message).toMatch(/^step "clone" met error threshold of 3: .*no-such-repo/s);
    // Backoff of 1 s then 2 s between the three attempts: retries do not busy-loop.
    const took = Date.parse(done.status?.finishedAt ?? '') - Date.parse(m?.startedAt ?? '');
    expect(took).toBeGreaterThanOrEqual(2000);
  });

  it('without a retry policy an erroring step ends the Promotion at once (Kargo default threshold 1)', async () => {
    await stageWith('once', [cloneOf(join(c.dir, 'absent'), {})]);
    const p = await promoteTo('once');
    const done = await finished(c, p.metadata.name);
    expect(done.status?.phase).toBe('Errored');
    expect(done.status?.stepExecutionMetadata?.[0]?.errorCount).toBe(1);
    expect(done.status?.message).toMatch(/^step "clone" met error threshold of 1: /);
  });

  it('a step that errors until its repository appears is retried and the Promotion succeeds', async () => {
    const later = join(c.dir, 'later-repo');
    await stageWith('recovers', [cloneOf(later, { errorThreshold: 10 })]);
    const p = await promoteTo('recovers');
    await erroredTimes(p.metadata.name, 1);
    await initRepo(later, { 'README.md': 'hello\n' }, 'first');
    const done = await finished(c, p.metadata.name);
    expect(done.status?.phase).toBe('Succeeded');
    const m = done.status?.stepExecutionMetadata?.[0];
    expect(m?.status).toBe('Succeeded');
    expect(m?.errorCount).toBeGreaterThanOrEqual(1);
    expect(m?.message).toBeUndefined();
  });

  it('retry.timeout ends a retrying step Errored once it has kept erroring for longer', async () => {
    await stageWith('timed', [
      cloneOf(join(c.dir, 'never'), { errorThreshold: 100, timeout: '2s' }),
    ]);
    const p = await promoteTo('timed');
    const done = await finished(c, p.metadata.name);
    expect(done.status?.phase).toBe('Errored');
    expect(done.status?.message).toBe('step "clone" timed out after 2s');
    expect(done.status?.stepExecutionMetadata?.[0]?.errorCount).toBeLessThan(100);
  });

  it('a controller restart during retries keeps the errorCount: errorThreshold 3 still means 3 attempts in all', async () => {
    await stageWith('restarts', [cloneOf(join(c.dir, 'nowhere'), { errorThreshold: 3 })]);
    const p = await promoteTo('restarts');
    const before = await erroredTimes(p.metadata.name, 1);
    await c.restartControllers();
    const done = await finished(c, p.metadata.name);
    expect(done.status?.phase).toBe('Errored');
    const m = done.status?.stepExecutionMetadata?.[0];
    expect(m?.errorCount).toBe(3);
    expect(m?.startedAt).toBe(before.status?.stepExecutionMetadata?.[0]?.startedAt);
  });

  it('the abort annotation during retries ends the Promotion Aborted, "Promotion terminated by <actor>"', async () => {
    await stageWith('stuck', [cloneOf(join(c.dir, 'gone'), { errorThreshold: 1000 })]);
    const p = await promoteTo('stuck');
    await erroredTimes(p.metadata.name, 2);
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
    const m = done.status?.stepExecutionMetadata?.[0];
    expect(m?.status).toBe('Aborted');
    expect(m?.errorCount).toBeGreaterThanOrEqual(2);
  });
});
