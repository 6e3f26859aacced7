import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { goPathJoin, normalizeChartCredentialUrl, parseImageRepository } from '@wharf/shared';
import { parse, parseDocument, stringify } from 'yaml';
import type { RepoCredentials } from '../credentials/credentials.js';
import { httpGet } from '../http/http-get.js';
import { OciRepository } from '../registry/oci-client.js';
import { parseConstraint, parseVersion, selectVersions } from '../semver/kargo-semver.js';

export interface ChartDependency {
  name: string;
  repository: string;
  version: string;
}

type FindCredentials = (repoURL: string) => Promise<RepoCredentials | undefined>;

interface IndexEntry {
  version?: string;
  urls?: string[];
}

const HELM_CHART_LAYER = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip';

/** An exact version when the dependency names one, else the newest that satisfies its range. */
function pick(available: string[], wanted: string, what: string): string {
  if (available.includes(wanted)) return wanted;
  parseConstraint(wanted);
  const parsed = available.map((v) => parseVersion(v)).filter((v) => v !== undefined);
  const best = selectVersions(parsed, wanted, 1)[0];
  if (!best) throw new Error(`no version of ${what} satisfies "${wanted}"`);
  return best.original;
}

async function fromClassic(
  dep: ChartDependency,
  creds: FindCredentials,
): Promise<{ version: string; tgz: Buffer }> {
  const base = dep.repository.replace(/\/$/, '');
  const c = await creds(dep.repository);
  const auth = c ? { username: c.username, password: c.password } : {};
  const index = (parse((await httpGet(`${base}/index.yaml`, auth)).toString('utf8')) ?? {}) as {
    entries?: Record<string, IndexEntry[]>;
  };
  const entries = index.entries?.[dep.name] ?? [];
  const version = pick(
    entries.map((e) => String(e.version ?? '')),
    dep.version,
    `chart "${dep.name}" in ${dep.repository}`,
  );
  const url = entries.find((e) => e.version === version)?.urls?.[0];
  if (!url)
    throw new Error(`chart "${dep.name}" ${version} in ${dep.repository} has no download URL`);
  const full = new URL(url, `${base}/`).toString();
  return { version, tgz: await httpGet(full, full.startsWith(base) ? auth : {}) };
}

async function fromOci(
  dep: ChartDependency,
  creds: FindCredentials,
): Promise<{ version: string; tgz: Buffer }> {
  const ref = `${dep.repository.replace(/^oci:\/\//, '').replace(/\/$/, '')}/${dep.name}`;
  const where = parseImageRepository(ref);
  if (!where) throw new Error(`"${dep.repository}" is not an OCI repository`);
  const c = await creds(
    `oci://${goPathJoin(normalizeChartCredentialUrl(dep.repository), dep.name)}`,
  );
  const repo = new OciRepository({
    ...where,
    ...(c ? { username: c.username, password: c.password, secret: c.secret } : {}),
    noCredentialsHint: `no Secret labelled kargo.akuity.io/cred-type=helm matches oci://${ref}`,
  });
  const tags = (await repo.tags()).map((t) => t.replace(/_/g, '+'));
  const version = pick(tags, dep.version, `chart oci://${ref}`);
  const manifest = await repo.manifest(version.replace(/\+/g, '_'));
  const layer = (
    manifest.body as { layers?: { mediaType?: string; digest: string }[] }
  ).layers?.find((l) => l.mediaType === HELM_CHART_LAYER);
  if (!layer) throw new Error(`oci://${ref}:${version} is not a Helm chart`);
  return { version, tgz: await repo.blob(layer.digest) };
}

async function readDeps(file: string): Promise<ChartDependency[]> {
  if (!existsSync(file)) return [];
  const doc = (parse(await readFile(file, 'utf8')) ?? {}) as { dependencies?: ChartDependency[] };
  return doc.dependencies ?? [];
}

/**
 * What `helm dependency update` does, as Kargo's helm-update-chart step runs it: set the versions
 * asked for in Chart.yaml, resolve every remote dependency against its repository (classic or OCI),
 * vendor the packaged charts into charts/, and write Chart.lock. Returns name → "old -> new".
 */
export async function updateChartDependencies(
  chartDir: string,
  updates: ChartDependency[],
  creds: FindCredentials,
): Promise<Record<string, string>> {
  const chartFile = join(chartDir, 'Chart.yaml');
  const doc = parseDocument(await readFile(chartFile, 'utf8'));
  const deps = (
    (doc.toJSON() as { dependencies?: ChartDependency[] } | null)?.dependencies ?? []
  ).map((d) => ({
    ...d,
  }));
  for (const u of updates) {
    const i = deps.findIndex((d) => d.name === u.name && d.repository === u.repository);
    if (i < 0)
      throw new Error(
        `no dependency in Chart.yaml matches update with repository "${u.repository}" and name "${u.name}"`,
      );
    if (deps[i]?.version !== u.version) {
      doc.setIn(['dependencies', i, 'version'], u.version);
      (deps[i] as ChartDependency).version = u.version;
    }
  }
  if (updates.length) await writeFile(chartFile, doc.toString());

  const lockFile = join(chartDir, 'Chart.lock');
  const before = await readDeps(lockFile);
  const locked: ChartDependency[] = [];
  await mkdir(join(chartDir, 'charts'), { recursive: true });
  for (const dep of deps) {
    if (!dep.repository || dep.repository.startsWith('file://')) {
      locked.push(dep);
      continue;
    }
    const got = dep.repository.startsWith('oci://')
      ? await fromOci(dep, creds)
      : await fromClassic(dep, creds);
    const vendored = join(chartDir, 'charts');
    for (const old of await readdir(vendored))
      if (old.startsWith(`${dep.name}-`) && old.endsWith('.tgz')) await rm(join(vendored, old));
    await writeFile(join(vendored, `${dep.name}-${got.version}.tgz`), got.tgz);
    locked.push({ name: dep.name, repository: dep.repository, version: got.version });
  }

  const changes: Record<string, string> = {};
  const was = new Map(before.map((d) => [d.name, d.version]));
  for (const d of locked) {
    const old = was.get(d.name);
    if (old === undefined) changes[d.name] = d.version;
    else if (old !== d.version) changes[d.name] = `${old} -> ${d.version}`;
    was.delete(d.name);
  }
  for (const name of was.keys()) changes[name] = '';
  if (Object.keys(changes).length > 0 || !existsSync(lockFile)) {
    const digest = createHash('sha256')
      .update(JSON.stringify([deps, locked]))
      .digest('hex');
    await writeFile(
      lockFile,
      stringify({
        dependencies: locked,
        digest: `sha256:${digest}`,
        generated: new Date().toISOString(),
      }),
    );
  }
  return changes;
}
