import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiServer, type RunningApiServer } from '@wharf/apiserver';
import { makeClients, type KubeClients } from '../../src/kube/clients.js';
import { KargoApi } from '../../src/kube/kargo-api.js';
import {
  type ControllerTuning,
  type RunningControllers,
  startControllers,
} from '../../src/manager/controller-manager.js';

export interface TestCluster {
  dir: string;
  server: RunningApiServer;
  controllers: RunningControllers;
  api: KargoApi;
  clients: KubeClients;
  restartControllers(tuning?: ControllerTuning): Promise<void>;
  close(): Promise<void>;
}

const quiet = process.env.WHARF_TEST_LOG
  ? {
      info: (o: object, m?: string) => console.log(m, o),
      warn: (o: object, m?: string) => console.warn(m, o),
      error: (o: object, m?: string) => console.error(m, o),
    }
  : { info: () => undefined, warn: () => undefined, error: () => undefined };

/** The embedded API server on a free loopback port with the controllers, in a temp dir. */
export async function startCluster(tuning: ControllerTuning = {}): Promise<TestCluster> {
  const dir = await mkdtemp(join(tmpdir(), 'wharf-controller-'));
  const server = await startApiServer({
    dataDir: join(dir, 'cluster'),
    port: 0,
    host: '127.0.0.1',
  });
  const clients = makeClients({ url: server.url, caPem: server.caPem, token: server.adminToken });
  const c: TestCluster = {
    dir,
    server,
    clients,
    api: new KargoApi(clients),
    controllers: await startControllers(server, dir, quiet, {
      minWarehouseIntervalMs: 1000,
      ...tuning,
    }),
    async restartControllers(t: ControllerTuning = {}) {
      await c.controllers.stop();
      c.controllers = await startControllers(server, dir, quiet, {
        minWarehouseIntervalMs: 1000,
        ...t,
      });
    },
    async close() {
      await c.controllers.stop();
      await server.close();
      // A git child of an aborted step may still be finishing its writes: retry like rm -rf would.
      await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
  return c;
}

/** Polls until `probe` returns a value (not undefined/false), or fails with what it waited for. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 60_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  let lastErr: unknown;
  while (Date.now() < end) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v;
    } catch (err) {
      lastErr = err;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}${lastErr ? `: ${String(lastErr)}` : ''}`);
}
