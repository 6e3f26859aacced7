import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Freight, Promotion, Stage, Warehouse } from '@wharf/shared';
import {
  packageChart,
  startHelmRepo,
  startRegistry,
  type HelmRepo,
  type OciRegistry,
} from '@wharf/test-support';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { initBareRepo } from '../src/demo/git-seed.js';
import { git } from '../src/git/git-cli.js';
import { OciRepository } from '../src/registry/oci-client.js';
import { startCluster, waitFor, type TestCluster } from './helpers/cluster.js';

// A real distribution registry, a Helm repository and the API server on 2 shared cores.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

const NS = 'artifacts';
let c: TestCluster;
let open: OciRegistry;
let locked: OciRegistry;
let charts: HelmRepo;
let plainCharts: HelmRepo;
const digests: Record<string, string> = {};
const day = (d: number) => new Date(Date.UTC(2026, 0, d, 12, 0, 0));

async function warehouse(
  name: string,
  sub: Record<string, unknown>,
  manual = false,
): Promise<void> {
  await c.api.create<Warehouse>('Warehouse', {
    metadata: { name, namespace: NS },
    spec: {
      interval: '5m0s',
      ...(manual ? { freightCreationPolicy: 'Manual' } : {}),
      subscriptions: [sub],
    },
  });
}

const discovered = (name: string) =>
  waitFor(`warehouse ${name} to finish discovery`, async () => {
    const w = await c.api.get<Warehouse>('Warehouse', NS, name);
    const healthy = w?.status?.conditions?.find((x) => x.type === 'Healthy');
    // A failed discovery (Healthy=False) leaves observedGeneration as it was, as Kargo's does.
    return healthy &&
      healthy.status !== 'Unknown' &&
      (w?.status?.observedGeneration || healthy.status === 'False')
      ? w
      : undefined;
  });

const healthy = (w: Warehouse) => w.status?.conditions?.find((x) => x.type === 'Healthy');

async function refresh(name: string) {
  const token = new Date().toISOString();
  await c.api.patch('Warehouse', NS, name, {
    metadata: { annotations: { 'kargo.akuity.io/refresh': token } },
  });
  return waitFor(`refresh of ${name}`, async () => {
    const w = await c.api.get<Warehouse>('Warehouse', NS, name);
    return w?.status?.lastHandledRefresh === token ? w : undefined;
  });
}

beforeAll(async () => {
  [open, locked, charts] = await Promise.all([
    startRegistry(),
    startRegistry({ username: 'puller', password: 'pull-secret' }),
    startHelmRepo({ username: 'charts', password: 'chart-secret' }),
  ]);
  plainCharts = await startHelmRepo({ plainHttp: true });
  for (const v of ['1.0.0', '1.2.0']) await plainCharts.addChart('podinfo', v);
  const tags: [string, number][] = [
    ['0.8', 1],
    ['0.9.0', 2],
    ['0.9.1', 3],
    ['0.9.2', 4],
    ['1.0.0-rc.1', 5],
    ['latest', 4],
    ['build-a', 9],
    ['build-b', 6],
  ];
  for (const [tag, d] of tags)
    digests[tag] = await open.pushImage('echo-server', tag, { created: day(d) });
  digests.multi = await open.pushImage('multi', '2.0.0', {
    created: day(7),
    platforms: [
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64' },
    ],
    annotations: { 'org.opencontainers.image.source': 'https://example.com/multi' },
  });
  await open.pushImage('multi', '1.0.0', { created: day(1) });
  digests.private = await locked.pushImage('private/app', '3.1.4', { created: day(3) });
  for (const v of ['1.0.0', '1.1.0', '1.2.0', '2.0.0']) await charts.addChart('podinfo', v);
  for (const v of ['0.1.0', '0.2.0+build.7'])
    await open.pushChart('charts/podinfo', v, await packageChart('podinfo', v));
  c = await startCluster();
  await c.api.create('Project', { metadata: { name: NS } });
});
afterAll(async () => {
  await c?.close();
  await Promise.all([open?.close(), locked?.close(), charts?.close(), plainCharts?.close()]);
});

describe('image subscriptions over the OCI distribution API', () => {
  it('lists every tag across Link-header pages', async () => {
    const repo = new OciRepository(
      {
        registry: open.host,
        repository: 'echo-server',
        insecureSkipTLSVerify: true,
        noCredentialsHint: '',
      },
      3,
    );
    expect((await repo.tags()).sort()).toEqual(
      ['0.8', '0.9.0', '0.9.1', '0.9.2', '1.0.0-rc.1', 'build-a', 'build-b', 'latest'].sort(),
    );
  });

  it('SemVer with a constraint and discoveryLimit records tags, digests and build dates as Kargo does, and makes freight of the newest', async () => {
    const repoURL = `${open.host}/echo-server`;
    await warehouse('semver', {
      image: { repoURL, constraint: '^0.9.0', discoveryLimit: 2, insecureSkipTLSVerify: true },
    });
    const w = await discovered('semver');
    expect(healthy(w)?.status).toBe('True');
    expect(w.status?.discoveredArtifacts?.images).toEqual([
      {
        repoURL,
        references: [
          { tag: '0.9.2', digest: digests['0.9.2'], createdAt: '2026-01-04T12:00:00Z' },
          { tag: '0.9.1', digest: digests['0.9.1'], createdAt: '2026-01-03T12:00:00Z' },
        ],
      },
    ]);
    const f = await waitFor('freight', async () =>
      (await c.api.list<Freight>('Freight', NS)).find((x) => x.origin.name === 'semver'),
    );
    expect(f.images).toEqual([{ repoURL, tag: '0.9.2', digest: digests['0.9.2'] }]);
    expect(f.metadata.name).toMatch(/^[0-9a-f]{40}$/);
  });

  it('strictSemvers: false also considers "0.8"; Lexical, NewestBuild and Digest order as Kargo does; tag rules are Go regexps', async () => {
    const repoURL = `${open.host}/echo-server`;
    const base = { repoURL, insecureSkipTLSVerify: true };
    await warehouse(
      'loose',
      { image: { ...base, strictSemvers: false, constraint: '<0.9.1' } },
      true,
    );
    await warehouse(
      'lexical',
      { image: { ...base, imageSelectionStrategy: 'Lexical', allowTagsRegexes: ['(?i)^BUILD-'] } },
      true,
    );
    await warehouse(
      'newest',
      {
        image: {
          ...base,
          imageSelectionStrategy: 'NewestBuild',
          // Go syntax (RE2), not ECMAScript: `\z` is the end of the text.
          ignoreTagsRegexes: ['^build-a\\z'],
          discoveryLimit: 3,
        },
      },
      true,
    );
    await warehouse(
      'digest',
      { image: { ...base, imageSelectionStrategy: 'Digest', constraint: 'latest' } },
      true,
    );
    const tagsOf = async (name: string) =>
      (await discovered(name)).status?.discoveredArtifacts?.images?.[0]?.references?.map(
        (r) => r.tag,
      );
    expect(await tagsOf('loose')).toEqual(['0.9.0', '0.8']);
    expect(await tagsOf('lexical')).toEqual(['build-b', 'build-a']);
    expect(await tagsOf('newest')).toEqual(['build-b', '1.0.0-rc.1', 'latest']);
    const digest = await discovered('digest');
    expect(digest.status?.discoveredArtifacts?.images?.[0]?.references?.[0]?.digest).toBe(
      digests.latest,
    );
    expect(await c.api.list<Freight>('Freight', NS)).not.toContainEqual(
      expect.objectContaining({ origin: { kind: 'Warehouse', name: 'digest' } }),
    );

    const moved = await open.pushImage('echo-server', 'latest', { created: day(10) });
    const after = await refresh('digest');
    expect(after.status?.discoveredArtifacts?.images?.[0]?.references?.[0]).toMatchObject({
      tag: 'latest',
      digest: moved,
    });
  });

  it('a platform constraint keeps image indexes with that platform, recording the index digest and its annotations', async () => {
    const repoURL = `${open.host}/multi`;
    await warehouse(
      'arm',
      { image: { repoURL, platform: 'linux/arm64', insecureSkipTLSVerify: true } },
      true,
    );
    const w = await discovered('arm');
    expect(w.status?.discoveredArtifacts?.images).toEqual([
      {
        repoURL,
        platform: 'linux/arm64',
        references: [
          {
            tag: '2.0.0',
            digest: digests.multi,
            annotations: { 'org.opencontainers.image.source': 'https://example.com/multi' },
            createdAt: '2026-01-07T12:00:00Z',
          },
        ],
      },
    ]);
  });

  it('a self-signed registry without insecureSkipTLSVerify fails with a TLS condition, not a hang', async () => {
    await warehouse('tls', { image: { repoURL: `${open.host}/echo-server` } });
    const w = await discovered('tls');
    expect(healthy(w)?.status).toBe('False');
    expect(healthy(w)?.message).toContain(`TLS verification of ${open.host} failed`);
  });

  it('a registry that wants credentials shows its refusal until a cred-type: image Secret is added', async () => {
    const repoURL = `${locked.host}/private/app`;
    await warehouse('private', { image: { repoURL, insecureSkipTLSVerify: true } });
    const refused = await discovered('private');
    expect(healthy(refused)?.message).toContain(`${locked.host} refused access`);
    expect(healthy(refused)?.message).toContain(
      `no Secret labelled kargo.akuity.io/cred-type=image in project "${NS}" matches ${repoURL}`,
    );
    await c.clients.core.createNamespacedSecret({
      namespace: NS,
      body: {
        metadata: {
          name: 'registry',
          namespace: NS,
          labels: { 'kargo.akuity.io/cred-type': 'image' },
        },
        stringData: { repoURL, username: 'puller', password: 'pull-secret' },
      },
    });
    const ok = await refresh('private');
    expect(healthy(ok)?.status).toBe('True');
    expect(ok.status?.discoveredArtifacts?.images?.[0]?.references?.[0]).toMatchObject({
      tag: '3.1.4',
      digest: digests.private,
    });
  });
});

describe('bearer-token registries', () => {
  it('a registry with token auth: the WWW-Authenticate challenge is answered anonymously (refused), then with a cred-type: image Secret', async () => {
    const tokens = await startRegistry({
      username: 'robot',
      password: 'token-secret',
      auth: 'token',
    });
    try {
      const digest = await tokens.pushImage('team/app', '2.0.0', { created: day(2) });
      const repoURL = `${tokens.host}/team/app`;
      await warehouse('bearer', { image: { repoURL, insecureSkipTLSVerify: true } });
      const refused = await discovered('bearer');
      expect(healthy(refused)?.message).toContain(`${tokens.host} refused access`);
      await c.clients.core.createNamespacedSecret({
        namespace: NS,
        body: {
          metadata: {
            name: 'bearer',
            namespace: NS,
            labels: { 'kargo.akuity.io/cred-type': 'image' },
          },
          stringData: {
            repoURL: `^${tokens.host.replace(/\./g, '\\.')}/`,
            repoURLIsRegex: 'true',
            username: 'robot',
            password: 'token-secret',
          },
        },
      });
      const ok = await refresh('bearer');
      expect(healthy(ok)?.status).toBe('True');
      expect(ok.status?.discoveredArtifacts?.images?.[0]?.references?.[0]).toMatchObject({
        tag: '2.0.0',
        digest,
      });
    } finally {
      await tokens.close();
    }
  });
});

describe('chart subscriptions', () => {
  it('a classic HTTP repository with Helm credentials gives versions newest first within the constraint and limit', async () => {
    await c.clients.core.createNamespacedSecret({
      namespace: NS,
      body: {
        metadata: {
          name: 'charts',
          namespace: NS,
          labels: { 'kargo.akuity.io/cred-type': 'helm' },
        },
        stringData: { repoURL: charts.url, username: 'charts', password: 'chart-secret' },
      },
    });
    await warehouse('chart', {
      chart: {
        repoURL: charts.url,
        name: 'podinfo',
        semverConstraint: '^1.0.0',
        discoveryLimit: 2,
        insecureSkipTLSVerify: true,
      },
    });
    const w = await discovered('chart');
    expect(w.status?.discoveredArtifacts?.charts).toEqual([
      {
        repoURL: charts.url,
        name: 'podinfo',
        semverConstraint: '^1.0.0',
        versions: ['1.2.0', '1.1.0'],
      },
    ]);
    const f = await waitFor('chart freight', async () =>
      (await c.api.list<Freight>('Freight', NS)).find((x) => x.origin.name === 'chart'),
    );
    expect(f.charts).toEqual([{ repoURL: charts.url, name: 'podinfo', version: '1.2.0' }]);
  });

  it('an OCI chart reads versions from tags, with "_" standing for "+"', async () => {
    const repoURL = `oci://${open.host}/charts/podinfo`;
    await warehouse('oci-chart', { chart: { repoURL, insecureSkipTLSVerify: true } }, true);
    const w = await discovered('oci-chart');
    expect(w.status?.discoveredArtifacts?.charts).toEqual([
      { repoURL, versions: ['0.2.0+build.7', '0.1.0'] },
    ]);
  });
});

describe('promotion steps that use images and charts', () => {
  it('yaml-update with imageFrom()/chartFrom(), kustomize-set-image with a digest and helm-update-chart change real files and push them', async () => {
    const image = `${open.host}/echo-server`;
    const chartRepo = plainCharts.url;
    const work = await mkdtemp(join(tmpdir(), 'wharf-gitops-'));
    const bare = join(work, 'gitops.git');
    await initBareRepo(
      bare,
      {
        'app/values.yaml': 'image:\n  repository: echo-server # kept\n  tag: none\n',
        'app/kustomization.yaml': `resources: []\nimages:\n  - name: other\n    newTag: "1"\n  - name: ${image}\n    newTag: old\n`,
        'chart/Chart.yaml': `apiVersion: v2\nname: umbrella\nversion: 0.1.0\ndependencies:\n  - name: podinfo\n    repository: ${chartRepo}\n    version: 1.0.0\n`,
      },
      join(work, 'scratch'),
    );
    await warehouse('bundle', {
      image: {
        repoURL: image,
        constraint: '^0.9.0',
        discoveryLimit: 1,
        insecureSkipTLSVerify: true,
      },
    });
    await c.api.patch('Warehouse', NS, 'bundle', {
      spec: {
        subscriptions: [
          {
            image: {
              repoURL: image,
              constraint: '^0.9.0',
              discoveryLimit: 1,
              insecureSkipTLSVerify: true,
            },
          },
          { chart: { repoURL: chartRepo, name: 'podinfo' } },
        ],
      },
    });
    const freight = await waitFor('freight with an image and a chart', async () =>
      (await c.api.list<Freight>('Freight', NS)).find(
        (f) => f.origin.name === 'bundle' && f.charts?.length,
      ),
    );
    const img = `imageFrom("${image}")`;
    const chart = `chartFrom("${chartRepo}", "podinfo")`;
    await c.api.create<Stage>('Stage', {
      metadata: { name: 'dev', namespace: NS },
      spec: {
        requestedFreight: [
          { origin: { kind: 'Warehouse', name: 'bundle' }, sources: { direct: true } },
        ],
        promotionTemplate: {
          spec: {
            steps: [
              {
                uses: 'git-clone',
                config: { repoURL: bare, checkout: [{ branch: 'main', path: './out' }] },
              },
              {
                uses: 'yaml-update',
                config: {
                  path: './out/app/values.yaml',
                  updates: [
                    { key: 'image.tag', value: `\${{ ${img}.Tag }}` },
                    { key: 'image.digest', value: `\${{ ${img}.Digest }}` },
                    { key: 'chart.version', value: `\${{ ${chart}.Version }}` },
                  ],
                },
              },
              {
                uses: 'kustomize-set-image',
                config: { path: './out/app', images: [{ image, digest: `\${{ ${img}.Digest }}` }] },
              },
              {
                uses: 'helm-update-chart',
                config: {
                  path: './out/chart',
                  charts: [
                    { repository: chartRepo, name: 'podinfo', version: `\${{ ${chart}.Version }}` },
                  ],
                },
              },
              { uses: 'git-commit', config: { path: './out', message: 'Promote' } },
              { uses: 'git-push', config: { path: './out' } },
            ],
          },
        },
      },
    });
    const p = await c.api.create<Promotion>('Promotion', {
      metadata: { name: '', generateName: 'dev.', namespace: NS },
      spec: { stage: 'dev', freight: freight.metadata.name },
    });
    const done = await waitFor('the promotion to finish', async () => {
      const x = await c.api.get<Promotion>('Promotion', NS, p.metadata.name);
      return x?.status?.finishedAt ? x : undefined;
    });
    expect([done.status?.phase, done.status?.message]).toEqual(['Succeeded', undefined]);
    const show = (path: string) => git(['show', `main:${path}`], { cwd: bare });
    expect(await show('app/values.yaml')).toBe(
      `image:\n  repository: echo-server # kept\n  tag: 0.9.2\n  digest: ${digests['0.9.2']}\nchart:\n  version: 1.2.0\n`,
    );
    expect(parse(await show('app/kustomization.yaml')).images).toEqual([
      { name: image, digest: digests['0.9.2'] },
      { name: 'other', newTag: '1' },
    ]);
    expect(parse(await show('chart/Chart.yaml')).dependencies[0].version).toBe('1.2.0');
    expect(parse(await show('chart/Chart.lock')).dependencies).toEqual([
      { name: 'podinfo', repository: chartRepo, version: '1.2.0' },
    ]);
    const vendored = await git(['ls-tree', '--name-only', 'main', 'chart/charts/'], { cwd: bare });
    expect(vendored.trim()).toBe('chart/charts/podinfo-1.2.0.tgz');
  });
});
