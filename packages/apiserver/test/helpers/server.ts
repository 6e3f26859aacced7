// Starts a real server on port 0 in a temp dir, and client-node clients for it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as k8s from '@kubernetes/client-node';
import { startApiServer, type ApiServerOptions, type RunningApiServer } from '../../src/index.js';

export interface TestServer {
  server: RunningApiServer;
  dataDir: string;
  kc: k8s.KubeConfig;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export function tempDir(prefix = 'wharf-apiserver-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function startTestServer(opts: Partial<ApiServerOptions> = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? tempDir();
  const start = () => startApiServer({ port: 0, ...opts, dataDir });
  const t: TestServer = {
    server: await start(),
    dataDir,
    kc: new k8s.KubeConfig(),
    async restart() {
      const port = t.server.port;
      await t.server.close();
      t.server = await startApiServer({ ...opts, dataDir, port });
    },
    async stop() {
      await t.server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  t.kc.loadFromString(t.server.kubeconfigYaml());
  return t;
}
