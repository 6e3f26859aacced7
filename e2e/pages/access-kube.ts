import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, type Page } from '@playwright/test';

const run = promisify(execFile);

function kubeconfig(): string {
  const dir = process.env.WHARF_E2E_DATA_DIR;
  if (!dir) throw new Error('WHARF_E2E_DATA_DIR is not set: run through the e2e global setup');
  return join(dir, 'kubeconfig');
}

/** Real kubectl against the app's embedded cluster (admin kubeconfig), or with `--token`. */
export async function kubectl(args: string[], stdin?: string): Promise<string> {
  const p = run('kubectl', args, {
    env: { ...process.env, KUBECONFIG: kubeconfig() },
    maxBuffer: 16 << 20,
  });
  if (stdin !== undefined) p.child.stdin?.end(stdin);
  return (await p).stdout;
}

export async function kubectlJson<T = Record<string, unknown>>(args: string[]): Promise<T> {
  return JSON.parse(await kubectl([...args, '-o', 'json'])) as T;
}

/** Signs the browser in with a Kubernetes bearer token (as a CLI-minded user would). */
export async function signInWithToken(page: Page, token: string): Promise<void> {
  const res = await page.request.post('/api/v1/auth/login', {
    data: { token },
    headers: { 'x-wharf-csrf': '1' },
  });
  expect(res.status(), await res.text()).toBe(200);
}

/** The embedded cluster's admin, through its kubeconfig token. */
export async function signInAsAdmin(page: Page): Promise<void> {
  const token = await kubectl(['config', 'view', '--raw', '-o', 'jsonpath={.users[0].user.token}']);
  await signInWithToken(page, token.trim());
}

/**
 * Why these specs cannot run against the app as built, or undefined when they can: they need
 * the identity and roles routes mounted and Kargo's kinds served by the embedded cluster.
 */
export async function missingPrerequisite(page: Page): Promise<string | undefined> {
  const res = await page.request.get('/api/v1/auth/config');
  if (res.status() === 404)
    return 'the app does not mount the identity and roles API (/api/v1/auth, /api/v1/projects/:p/roles)';
  const crd = await kubectl(['get', 'crd', 'stages.kargo.akuity.io', '-o', 'name']).catch(() => '');
  if (!crd.trim()) return "the embedded cluster does not serve Kargo's kinds";
  return undefined;
}

/** A project of its own per spec (stages staging and production), made with kubectl. */
export async function createAccessProject(): Promise<string> {
  const name = `access-${randomBytes(3).toString('hex')}`;
  const stage = (s: string) => `---
apiVersion: kargo.akuity.io/v1alpha1
kind: Stage
metadata: {name: ${s}, namespace: ${name}}
spec:
  requestedFreight:
  - origin: {kind: Warehouse, name: app}
    sources: {direct: true}
  # Steps make it promotable: Kargo refuses promotions to a control-flow stage whoever asks.
  promotionTemplate:
    spec:
      steps:
      - uses: compose-output
        config: {deployed: "yes"}
`;
  await kubectl(
    ['apply', '-f', '-'],
    `apiVersion: v1
kind: Namespace
metadata: {name: ${name}, labels: {kargo.akuity.io/project: "true"}}
---
apiVersion: kargo.akuity.io/v1alpha1
kind: Project
metadata: {name: ${name}}
${stage('staging')}${stage('production')}`,
  );
  // Kargo (here its embedded stand-in) adds the default roles once it sees the Project.
  await expect
    .poll(() => kubectl(['get', 'rolebinding', '-n', name, '-o', 'name']), { timeout: 20_000 })
    .toContain('rolebinding.rbac.authorization.k8s.io/kargo-viewer');
  return name;
}

export const deleteProject = (name: string) =>
  kubectl(['delete', 'project', name, '--wait=false']).catch(() => '');
