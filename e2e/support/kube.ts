import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The admin kubeconfig the embedded cluster of the app under test wrote. */
export function kubeconfig(): string {
  const dir = process.env.WHARF_E2E_DATA_DIR;
  if (!dir) throw new Error('WHARF_E2E_DATA_DIR is not set: run through the e2e global setup');
  return join(dir, 'kubeconfig');
}

/** Real kubectl against the embedded cluster, as a user of Wharf would run it. */
export async function kubectl(args: string[], stdin?: string): Promise<string> {
  const child = run('kubectl', args, {
    env: { ...process.env, KUBECONFIG: kubeconfig() },
    maxBuffer: 16 << 20,
  });
  if (stdin !== undefined) {
    child.child.stdin?.end(stdin);
  }
  const { stdout } = await child;
  return stdout;
}

export const apply = (yaml: string) => kubectl(['apply', '-f', '-'], yaml);

export const patchStatus = (kind: string, name: string, namespace: string, status: unknown) =>
  kubectl([
    'patch',
    kind,
    name,
    '-n',
    namespace,
    '--subresource=status',
    '--type=merge',
    '-p',
    JSON.stringify({ status }),
  ]);

/** Kargo's CRDs, read from the shared design folder beside the repository (test data only). */
export const KARGO_CRDS = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'kargo-crds');

/** Installs Kargo's CRDs unless the cluster already serves them; undefined when they are not available. */
export async function ensureKargoCrds(): Promise<boolean> {
  const served = await kubectl(['get', 'crd', 'stages.kargo.akuity.io', '-o', 'name']).then(
    () => true,
    () => false,
  );
  if (served) return true;
  if (!existsSync(KARGO_CRDS)) return false;
  await kubectl(['apply', '-f', KARGO_CRDS]);
  await kubectl([
    'wait',
    '--for=condition=Established',
    '--timeout=30s',
    'crd/stages.kargo.akuity.io',
  ]).catch(() => '');
  return true;
}
