import { freightName, type Freight, type Promotion, type Stage } from '@wharf/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { statusCode } from '../src/kube/clients.js';
import { startCluster, waitFor, type TestCluster } from './helpers/cluster.js';
import {
  finished,
  NS,
  promote,
  release,
  seedEchoServer,
  serviceAccountApi,
} from './helpers/echo-fixture.js';
import { git } from '../src/git/git-cli.js';
import { join } from 'node:path';

// Real git and a real API server on a shared 2-core machine: allow for a loaded CI run.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let c: TestCluster;
let gitDir: string;
let first: Freight;

beforeAll(async () => {
  c = await startCluster();
  gitDir = await seedEchoServer(c);
  first = await waitFor('first freight verified in development', async () => {
    const f = (await c.api.list<Freight>('Freight', NS))[0];
    return f?.status?.verifiedIn?.development ? f : undefined;
  });
});
afterAll(async () => c?.close());

const ACTOR = 'event.kargo.akuity.io/actor';
const STAGE = 'event.kargo.akuity.io/stage-name';
const PROMOTION = 'event.kargo.akuity.io/promotion-name';
const events = async () => (await c.clients.core.listNamespacedEvent({ namespace: NS })).items;

describe('a release flows through development', () => {
  it('becomes Freight with Kargo name and alias, auto-promotes to development with real commits, and is verified', async () => {
    expect(first.metadata.name).toMatch(/^[0-9a-f]{40}$/);
    expect(first.metadata.name).toBe(freightName('echo-server', first));
    expect(first.alias).toMatch(/^[a-z]+-[a-z]+$/);
    expect(first.metadata.labels?.['kargo.akuity.io/alias']).toBe(first.alias);
    expect(first.commits?.[0]?.tag).toBe('v1.0.0');
    expect(first.status?.currentlyIn?.development?.since).toBeTruthy();
    const promo = (await c.api.list<Promotion>('Promotion', NS)).find(
      (x) => x.spec.stage === 'development',
    );
    expect(promo?.status?.phase).toBe('Succeeded');
    expect(promo?.status?.message).toBeUndefined();
    expect(promo?.metadata.annotations?.['kargo.akuity.io/create-actor']).toBe(
      'controller:stage-controller',
    );
    // The stage controller records its auto-promotion once; the promotion controller does not.
    const recorded = (await events()).filter(
      (e) =>
        e.reason === 'PromotionCreated' &&
        e.metadata.annotations?.[PROMOTION] === promo?.metadata.name,
    );
    expect(recorded.map((e) => [e.metadata.annotations?.[ACTOR], e.message])).toEqual([
      [
        'controller:stage-controller',
        'Automatically promoted Freight from origin "Warehouse/echo-server" for Stage "development"',
      ],
    ]);
    expect(promo?.metadata.name).toMatch(
      new RegExp(`^development\\.[0-9a-z]{26}\\.${first.metadata.name.slice(0, 7)}$`),
    );
    const repo = join(gitDir, 'echo-server-gitops.git');
    expect(await git(['log', '--format=%s', 'stage/development'], { cwd: repo })).toContain(
      'Promote echo-server v1.0.0 to development',
    );
    expect(
      await git(['show', 'stage/development:stage/kustomization.yaml'], { cwd: repo }),
    ).toContain('newTag: v1.0.0');
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

describe('who may promote', () => {
  it('when a kargo-viewer ServiceAccount promotes, the API answers 403 and no Promotion exists', async () => {
    const viewer = await serviceAccountApi(c, 'kargo-viewer');
    const err = await promote(viewer, 'staging', { freight: first.metadata.name }).catch(
      (e: unknown) => e,
    );
    expect(statusCode(err)).toBe(403);
    const promos = await c.api.list<Promotion>('Promotion', NS);
    expect(promos.filter((p) => p.spec.stage === 'staging')).toEqual([]);
  });

  it('when a kargo-promoter ServiceAccount promotes verified Freight to staging, it succeeds and records the actor', async () => {
    const promoter = await serviceAccountApi(c, 'kargo-promoter');
    const created = await promote(promoter, 'staging', { freight: first.metadata.name });
    expect(created.metadata.labels?.['kargo.akuity.io/stage']).toBe('staging');
    expect(created.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Stage', name: 'staging' });
    expect(created.metadata.annotations?.['kargo.akuity.io/create-actor']).toBe(
      'kubernetes:system:serviceaccount:echo-server:kargo-promoter',
    );
    // Kargo's webhook records PromotionCreated for a writer outside its control plane.
    const recorded = (await events()).filter(
      (e) =>
        e.reason === 'PromotionCreated' &&
        e.metadata.annotations?.[PROMOTION] === created.metadata.name,
    );
    expect(recorded.map((e) => e.metadata.annotations?.[ACTOR])).toEqual([
      'kubernetes:system:serviceaccount:echo-server:kargo-promoter',
    ]);
    expect(created.spec.steps?.map((s) => s.as)).toContain('step-0');
    const done = await finished(c, created.metadata.name);
    expect(done.status?.phase).toBe('Succeeded');
    const log = await git(['log', '--format=%s', 'stage/staging'], {
      cwd: join(gitDir, 'echo-server-gitops.git'),
    });
    expect(log).toContain('Promote echo-server v1.0.0 to staging');
  });

  it('refuses unverified Freight for production until it is approved, then promotes it; the webhook records FreightApproved for a kargo-promoter, not for the control plane', async () => {
    const next = await release(c, gitDir, 'v1.1.0');
    const refused = await promote(c.api, 'production', { freight: next.metadata.name }).catch(
      (e: unknown) => e,
    );
    expect(statusCode(refused)).toBe(403);
    const approvedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    // The control plane (here the embedded admin) records its own approvals, as Kargo's API server.
    await c.api.patchStatus('Freight', NS, next.metadata.name, {
      approvedFor: { staging: { approvedAt } },
    });
    const promoter = await serviceAccountApi(c, 'kargo-promoter');
    await promoter.patchStatus('Freight', NS, next.metadata.name, {
      approvedFor: { production: { approvedAt } },
    });
    const approvals = (await events()).filter(
      (e) => e.reason === 'FreightApproved' && e.involvedObject.name === next.metadata.name,
    );
    expect(approvals.map((e) => e.metadata.annotations?.[STAGE])).toEqual(['production']);
    expect(approvals[0]?.metadata.annotations?.[ACTOR]).toBe(
      'kubernetes:system:serviceaccount:echo-server:kargo-promoter',
    );
    const p = await promote(c.api, 'production', { freight: next.metadata.name });
    expect((await finished(c, p.metadata.name)).status?.phase).toBe('Succeeded');
  });
});
