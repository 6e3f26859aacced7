import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { echoServerProject } from '@wharf/shared/fixtures';
import { HAVE_CRDS, startHarness, type Harness } from '../support/bff-harness.js';
import { seedProject } from '../support/kube-seed.js';
import { connectClient } from '../support/socket-client.js';

describe.skipIf(!HAVE_CRDS)('graceful shutdown', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness((kc) => seedProject(kc, echoServerProject()));
  });
  afterAll(async () => {
    await h.api.close();
    await rm(h.dataDir, { recursive: true, force: true });
  });

  it('disconnects sockets, stops every watch and stops listening', async () => {
    const client = await connectClient(h.bff.url);
    const disconnected = new Promise<string>((r) => client.socket.once('disconnect', r));
    await h.bff.close();
    expect(await disconnected).toBeTruthy();
    const states = Object.values(h.bff.cache.status().kinds).map((k) => k.state);
    expect(new Set(states)).toEqual(new Set(['stopped']));
    await expect(fetch(`${h.bff.url}/healthz`)).rejects.toThrow();
  });
});
