#!/usr/bin/env node
// Adds a new version (commit + tag) to the embedded demo's echo-server app repository and asks
// the echo-server Warehouse to refresh, so new Freight appears live in a running Wharf.
// Usage: npm run demo:release [-- v1.4.0]      Data dir: $WHARF_DATA_DIR (default .wharf)
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const dataDir = resolve(process.env.WHARF_DATA_DIR || '.wharf');
const appDir = join(dataDir, 'demo', 'git', 'echo-server-app');
if (!existsSync(appDir)) {
  console.error(
    `No demo app repository at ${appDir}. Start Wharf once (npm start) so it seeds the demo.`,
  );
  process.exit(1);
}
const git = (...args) => execFileSync('git', args, { cwd: appDir, encoding: 'utf8' }).trim();

function nextVersion() {
  const versions = git('tag', '--list', 'v*')
    .split('\n')
    .map((t) => /^v(\d+)\.(\d+)\.(\d+)$/.exec(t))
    .filter(Boolean)
    .map((m) => [Number(m[1]), Number(m[2]), Number(m[3])])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  const [major, minor] = versions.at(-1) ?? [1, 0, 0];
  return `v${major}.${minor + 1}.0`;
}

const version = process.argv[2] || nextVersion();
if (!/^v\d+\.\d+\.\d+$/.test(version)) {
  console.error(`"${version}" is not a version like v1.2.3.`);
  process.exit(1);
}
if (git('tag', '--list', version)) {
  console.error(`${version} already exists; pick a newer version.`);
  process.exit(1);
}
writeFileSync(join(appDir, 'VERSION'), `${version}\n`);
const env = { GIT_AUTHOR_NAME: 'Wharf demo', GIT_AUTHOR_EMAIL: 'demo@wharf.invalid' };
execFileSync(
  'git',
  [
    '-c',
    'user.name=Wharf demo',
    '-c',
    'user.email=demo@wharf.invalid',
    'commit',
    '--quiet',
    '-am',
    `Release ${version}`,
  ],
  { cwd: appDir, env: { ...process.env, ...env } },
);
execFileSync(
  'git',
  [
    '-c',
    'user.name=Wharf demo',
    '-c',
    'user.email=demo@wharf.invalid',
    'tag',
    '-a',
    version,
    '-m',
    `Release ${version}`,
  ],
  { cwd: appDir },
);
console.log(`Released echo-server ${version} (${git('rev-parse', '--short', 'HEAD')}).`);

// Refresh the Warehouse through the Kubernetes API, with the client the controller package uses.
const kubeconfig = join(dataDir, 'kubeconfig');
const later = 'The echo-server Warehouse will pick it up at its next discovery (within a minute).';
if (!existsSync(kubeconfig)) {
  console.log(`No kubeconfig at ${kubeconfig}; is Wharf running? ${later}`);
  process.exit(0);
}
const require = createRequire(new URL('../packages/controller/package.json', import.meta.url));
const k8s = await import(require.resolve('@kubernetes/client-node'));
const kc = new k8s.KubeConfig();
kc.loadFromFile(kubeconfig);
const api = kc.makeApiClient(k8s.CustomObjectsApi);
try {
  await api.patchNamespacedCustomObject(
    {
      group: 'kargo.akuity.io',
      version: 'v1alpha1',
      namespace: 'echo-server',
      plural: 'warehouses',
      name: 'echo-server',
      body: { metadata: { annotations: { 'kargo.akuity.io/refresh': new Date().toISOString() } } },
    },
    k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
  );
  console.log('Asked the echo-server Warehouse to refresh: new Freight appears in a moment.');
} catch (err) {
  console.log(`Could not reach the embedded cluster (${err.message ?? err}). ${later}`);
}
