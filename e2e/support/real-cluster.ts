import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  analysisRunCrd,
  forCreate,
  type FixtureObject,
  type RealStatusFixture,
} from '@wharf/shared/fixtures';
import { freePort, startDaemon, stopDaemon, waitUntil } from '@wharf/test-support';
import { spawnBff, stopBff, waitHealthy } from './bff-process.js';
import { KARGO_CRDS } from './kube.js';
import { adminSession } from './sign-in.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');

export interface RealCluster {
  /** The app, pointed at the cluster through a kubeconfig. */
  url: string;
  /** Playwright storage state of an admin signed in to that app. */
  session: Awaited<ReturnType<typeof adminSession>>;
  kubectl(args: string[], stdin?: string): Promise<string>;
  close(): Promise<void>;
}

type Obj = FixtureObject;

const list = (items: unknown[]) => JSON.stringify({ apiVersion: 'v1', kind: 'List', items });

/**
 * "A real cluster": the standalone API server with Kargo's CRDs and no embedded controller,
 * the fixture's objects created and their status written with real kubectl (as Kargo's
 * controllers would have), and the built app pointed at it with a kubeconfig.
 */
export async function startRealCluster(
  fx: RealStatusFixture,
  env: Record<string, string> = {},
): Promise<RealCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'wharf-real-'));
  const kubeconfig = join(dir, 'kubeconfig');
  const apiPort = await freePort();
  const api = startDaemon(process.execPath, [
    join(ROOT, 'packages/apiserver/bin/wharf-apiserver.mjs'),
    ...['--host', '127.0.0.1', '--port', String(apiPort), '--data-dir', join(dir, 'cluster')],
    ...['--crds', KARGO_CRDS, '--kubeconfig-out', kubeconfig],
  ]);
  const kubectl = async (args: string[], stdin?: string) => {
    const child = run('kubectl', args, {
      env: { ...process.env, KUBECONFIG: kubeconfig },
      maxBuffer: 16 << 20,
    });
    if (stdin !== undefined) child.child.stdin?.end(stdin);
    return (await child).stdout;
  };
  const bffDir = join(dir, 'app');
  mkdirSync(bffDir);
  let bffStarted = false;
  const close = async () => {
    if (bffStarted) await stopBff(bffDir);
    await stopDaemon(api);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntil(
      'the API server to write its kubeconfig',
      () => Promise.resolve(existsSync(kubeconfig)),
      api,
    );
    const ns = fx.project.metadata.name;
    const kargo = [
      fx.project,
      ...(fx.projectConfig ? [fx.projectConfig] : []),
      ...fx.warehouses,
      ...fx.stages,
      ...fx.freight,
      ...fx.promotions,
    ] as unknown as Obj[];
    const events = (fx.events ?? []) as unknown as Obj[];
    await kubectl(
      ['create', '-f', '-'],
      list([
        {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: { name: ns, labels: { 'kargo.akuity.io/project': 'true' } },
        },
        analysisRunCrd(),
        ...[...kargo, ...events].map(forCreate),
      ]),
    );
    // What Kargo's controllers would have written, through the status subresource.
    await kubectl(
      ['replace', '--subresource=status', '-f', '-'],
      list(kargo.filter((o) => o.status).map((o) => ({ ...forCreate(o), status: o.status }))),
    );
    // Argo Rollouts' part, status included (its CRD here has no status subresource); the CRD
    // is served once the first create returned.
    await kubectl(
      ['create', '-f', '-'],
      list(fx.analysisRuns.map((r) => ({ ...forCreate(r as unknown as Obj), status: r.status }))),
    );
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const bff = spawnBff(port, bffDir, { KUBECONFIG: kubeconfig, ...env });
    bffStarted = true;
    await waitHealthy(url, () => bff.exitCode !== null);
    await waitUntil('the app to load the cluster', async () => (await fetch(`${url}/readyz`)).ok);
    return { url, session: await adminSession(url), kubectl, close };
  } catch (err) {
    await close();
    throw err;
  }
}
