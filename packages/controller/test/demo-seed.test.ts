import { readFile, writeFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  KARGO_EVENT_REASONS,
  type Freight,
  type Promotion,
  type Stage,
  type Warehouse,
} from '@wharf/shared';
import { startRegistry } from '@wharf/test-support';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedDemo } from '../src/demo/seed-demo.js';
import type { KargoKind } from '../src/kargo/constants.js';
import { startCluster, waitFor, type TestCluster } from './helpers/cluster.js';
import { haveRealCrds, realValidators } from './helpers/real-crds.js';

// Real git and a real API server on a shared 2-core machine: allow for a loaded CI run.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const NS = 'retail-platform';
const run = promisify(execFile);
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
let c: TestCluster;

const stage = (name: string) => c.api.get<Stage>('Stage', NS, name);
const verifiedIn = async (s: string) =>
  (await c.api.list<Freight>('Freight', NS))
    .filter((f) => f.status?.verifiedIn?.[s])
    .map((f) => f.metadata.name);

async function promoteAll(to: string, freight: string[]): Promise<void> {
  for (const f of freight) {
    const p = await c.api.create<Promotion>('Promotion', {
      metadata: { name: '', generateName: `${to}.`, namespace: NS },
      spec: { stage: to, freight: f },
    });
    await waitFor(
      `${p.metadata.name} succeeded`,
      async () =>
        (await c.api.get<Promotion>('Promotion', NS, p.metadata.name))?.status?.phase ===
        'Succeeded',
    );
  }
}

beforeAll(async () => {
  c = await startCluster();
  await seedDemo(c.api, c.dir, quiet);
});
afterAll(async () => c?.close());

describe('the seeded demo', () => {
  it('runs the wide retail pipeline: three warehouses auto-promote into integration, the control-flow gate verifies what QA verified, regions can take it', async () => {
    const integrated = await waitFor(
      'integration verified all three',
      async () => {
        const v = await verifiedIn('integration');
        return v.length === 3 ? v : undefined;
      },
      120_000,
    );
    // The Stage's own status is written just after the Freight it verified.
    await waitFor(
      'integration shows 3/3 Fulfilled',
      async () => (await stage('integration'))?.status?.freightSummary === '3/3 Fulfilled',
    );
    expect(await verifiedIn('release-gate')).toEqual([]);
    await promoteAll('qa', integrated);
    await waitFor(
      'release gate verified the QA-verified freight',
      async () => (await verifiedIn('release-gate')).length === 3,
    );
    await promoteAll('prod-eu-west', integrated);
    const region = await waitFor('prod-eu-west ready', async () => {
      const s = await stage('prod-eu-west');
      return s?.status?.conditions?.find((x) => x.type === 'Ready' && x.status === 'True')
        ? s
        : undefined;
    });
    const steps =
      (await c.api.list<Promotion>('Promotion', NS)).find((p) => p.spec.stage === 'prod-eu-west')
        ?.spec.steps ?? [];
    expect(steps.map((s) => s.as)).toContain('env::step-0');
    expect(region.status?.freightHistory?.[0]?.items).toHaveProperty('Warehouse/checkout');
  }, 150_000);

  it('npm run demo:release tags a new app version and refreshes the Warehouse, so new Freight appears', async () => {
    await writeFile(join(c.dir, 'kubeconfig'), c.server.kubeconfigYaml());
    const script = fileURLToPath(new URL('../../../scripts/demo-release.mjs', import.meta.url));
    const { stdout } = await run(process.execPath, [script], {
      env: { ...process.env, WHARF_DATA_DIR: c.dir },
    });
    expect(stdout).toContain('Released echo-server v1.1.0');
    expect(stdout).toContain('Asked the echo-server Warehouse to refresh');
    const f = await waitFor('Freight for v1.1.0', async () =>
      (await c.api.list<Freight>('Freight', 'echo-server')).find(
        (x) => x.commits?.[0]?.tag === 'v1.1.0',
      ),
    );
    expect(f.metadata.name).toMatch(/^[0-9a-f]{40}$/);
  });

  it('never overwrites existing data when seeded again', async () => {
    await c.api.patch('Stage', 'echo-server', 'staging', {
      metadata: { annotations: { 'kargo.akuity.io/color': '#000000' } },
    });
    const versionFile = join(c.dir, 'demo', 'git', 'echo-server-app', 'VERSION');
    await writeFile(versionFile, 'local edit\n');
    await seedDemo(c.api, c.dir, quiet);
    expect(
      (await c.api.get<Stage>('Stage', 'echo-server', 'staging'))?.metadata.annotations?.[
        'kargo.akuity.io/color'
      ],
    ).toBe('#000000');
    expect(await readFile(versionFile, 'utf8')).toBe('local edit\n');
  });

  it.skipIf(!haveRealCrds)(
    "every object's status validates against the real Kargo CRDs in ../shared/kargo-crds (skipped when absent)",
    async () => {
      const validators = realValidators();
      const kinds: KargoKind[] = [
        'Project',
        'Warehouse',
        'Freight',
        'Stage',
        'Promotion',
        'ProjectConfig',
        'PromotionTask',
      ];
      let checked = 0;
      for (const kind of kinds) {
        const validate = validators.get(kind);
        expect(validate, kind).toBeDefined();
        const objects =
          kind === 'Project'
            ? await c.api.list(kind)
            : [...(await c.api.list(kind, NS)), ...(await c.api.list(kind, 'echo-server'))];
        for (const o of objects) {
          const ok = validate?.(o);
          expect(ok, `${kind} ${o.metadata.name ?? ''}: ${JSON.stringify(validate?.errors)}`).toBe(
            true,
          );
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(20);
    },
  );

  it("records only Kargo's event reasons, each with event.kargo.akuity.io annotations", async () => {
    const events = (await c.clients.core.listNamespacedEvent({ namespace: NS })).items;
    expect(events.length).toBeGreaterThan(5);
    for (const e of events) {
      expect(KARGO_EVENT_REASONS).toContain(e.reason);
      expect(['Promotion', 'Freight']).toContain(e.involvedObject.kind);
      expect(e.metadata.annotations?.['event.kargo.akuity.io/project']).toBe(NS);
    }
    const reasons = new Set(events.map((e) => e.reason));
    for (const r of [
      'FreightCreated',
      'PromotionCreated',
      'PromotionSucceeded',
      'FreightVerificationSucceeded',
    ])
      expect(reasons).toContain(r);
  });

  it('with a demo image set (WHARF_DEMO_IMAGE), echo-server gains an image warehouse that discovers from that registry', async () => {
    const registry = await startRegistry();
    try {
      await registry.pushImage('podinfo', '6.5.0', { created: new Date('2026-01-01T00:00:00Z') });
      await registry.pushImage('podinfo', '6.6.0', { created: new Date('2026-02-01T00:00:00Z') });
      await seedDemo(c.api, c.dir, quiet, `${registry.host}/podinfo`);
      const w = await waitFor('the image warehouse to discover', async () => {
        const x = await c.api.get<Warehouse>('Warehouse', 'echo-server', 'echo-server-image');
        return x?.status?.discoveredArtifacts?.images?.[0]?.references?.length ? x : undefined;
      });
      expect(w.status?.discoveredArtifacts?.images?.[0]?.references?.map((r) => r.tag)).toEqual([
        '6.6.0',
        '6.5.0',
      ]);
      const f = await waitFor('image freight', async () =>
        (await c.api.list<Freight>('Freight', 'echo-server')).find(
          (x) => x.origin.name === 'echo-server-image',
        ),
      );
      expect(f.images?.[0]?.tag).toBe('6.6.0');
    } finally {
      await registry.close();
    }
  });
});
