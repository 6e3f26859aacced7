import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiServer } from '@wharf/apiserver';
import { describe, expect, it, vi } from 'vitest';
import { startEmbeddedKargo } from '../src/index.js';
import { makeClients } from '../src/kube/clients.js';
import { KargoApi } from '../src/kube/kargo-api.js';
import { waitFor } from './helpers/cluster.js';

// Real git and a real API server on a shared 2-core machine: allow for a loaded CI run.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

describe('startEmbeddedKargo (the BFF entry point)', () => {
  it('installs the CRDs, seeds both demo projects in the background, and stops cleanly', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wharf-entry-'));
    const server = await startApiServer({
      dataDir: join(dir, 'cluster'),
      port: 0,
      host: '127.0.0.1',
    });
    try {
      const kargo = await startEmbeddedKargo({ apiServer: server, dataDir: dir, seedDemo: true });
      const api = new KargoApi(
        makeClients({ url: server.url, caPem: server.caPem, token: server.adminToken }),
      );
      const names = await waitFor('both demo projects', async () => {
        const list = (await api.list('Project')).map((p) => p.metadata.name).sort();
        return list.length === 2 ? list : undefined;
      });
      expect(names).toEqual(['echo-server', 'retail-platform']);
      await kargo.stop();
      expect(existsSync(join(dir, 'demo', '.seeded'))).toBe(true);
      expect(existsSync(join(dir, 'demo', 'git', 'echo-server-app', '.git'))).toBe(true);
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
