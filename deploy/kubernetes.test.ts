import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import {
  freePort,
  HAVE_KARGO_CRDS,
  type KubeAdmin,
  NO_KARGO_CRDS,
  startCluster,
} from '@wharf/test-support';

const exec = promisify(execFile);
const manifests = fileURLToPath(new URL('./kubernetes/', import.meta.url));

if (!HAVE_KARGO_CRDS) console.warn(`deploy/kubernetes: ${NO_KARGO_CRDS}`);

describe.skipIf(!HAVE_KARGO_CRDS)('deploy/kubernetes, the plain manifest set', () => {
  let dir: string;
  let cluster: { admin: KubeAdmin; stop(): Promise<void> };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wharf-manifests-'));
    cluster = await startCluster(dir, await freePort());
  }, 180_000);
  afterAll(async () => {
    await cluster?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('renders with kubectl kustomize: RBAC, Deployment, Service, Ingress with TLS, PodDisruptionBudget', async () => {
    const { stdout } = await exec('kubectl', ['kustomize', manifests]);
    const kinds = parseAllDocuments(stdout).map((d) => (d.toJS() as { kind: string }).kind);
    expect(kinds.sort()).toEqual(
      [
        'ClusterRole',
        'ClusterRole',
        'ClusterRoleBinding',
        'ClusterRoleBinding',
        'Deployment',
        'Ingress',
        'Namespace',
        'PodDisruptionBudget',
        'Role',
        'RoleBinding',
        'Service',
        'ServiceAccount',
      ].sort(),
    );
    expect(stdout).toMatch(/tls:\s*\n\s*- hosts:/);
  });

  it('applies to the API server with a server-side dry run, and the dry run keeps nothing', async () => {
    await cluster.admin.kubectl(['create', 'namespace', 'wharf']);
    const out = await cluster.admin.kubectl(['apply', '--dry-run=server', '-k', manifests]);
    for (const object of [
      'clusterrole.rbac.authorization.k8s.io/wharf',
      'role.rbac.authorization.k8s.io/wharf',
      'serviceaccount/wharf',
      'deployment.apps/wharf',
      'service/wharf',
      'ingress.networking.k8s.io/wharf',
      'poddisruptionbudget.policy/wharf',
    ]) {
      expect(out).toContain(`${object} created (server dry run)`);
    }
    const left = await cluster.admin.kubectl([
      'get',
      'deployments,services,roles',
      '-n',
      'wharf',
      '-o',
      'name',
    ]);
    expect(left.trim()).toBe('');
  });
});
