import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_CRDS, NO_CRDS_MESSAGE, startHarness, type Harness } from '../support/bff-harness.js';
import { connectClient, type RecordingClient } from '../support/socket-client.js';

const SHELL = '<!doctype html><html><head><base href="/" /></head><body></body></html>';
/** A web build's manifest as Vite writes it: the entry, and the screens web-app.ts preloads. */
const MANIFEST = {
  'index.html': { file: 'assets/index-Build42.js', isEntry: true },
  'src/features/projects/projects-page.tsx': { file: 'assets/projects-page-1.js' },
  'src/features/projects/attention/attention-page.tsx': { file: 'assets/attention-page-1.js' },
};

if (!HAVE_CRDS) console.warn(NO_CRDS_MESSAGE);

describe.skipIf(!HAVE_CRDS)('the web build a socket is told about', () => {
  let dist: string;
  let served: Harness;
  let unbuilt: Harness;
  const clients: RecordingClient[] = [];
  const connect = async (h: Harness) => {
    const c = await connectClient(h.bff.url);
    clients.push(c);
    // Any answer comes after what the server sent on connect.
    await new Promise((r) => c.socket.emit('projects:leave', {}, r));
    return c;
  };

  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'wharf-web-build-'));
    await writeFile(join(dist, 'index.html'), SHELL);
    await mkdir(join(dist, '.vite'));
    await writeFile(join(dist, '.vite/manifest.json'), JSON.stringify(MANIFEST));
    served = await startHarness(async () => undefined, { webDist: dist });
    // A directory without a build: the BFF serves API and sockets only.
    unbuilt = await startHarness(async () => undefined, { webDist: join(dist, 'none') });
  });
  afterEach(() => clients.splice(0).forEach((c) => c.close()));
  afterAll(async () => {
    await served?.close();
    await unbuilt?.close();
    await rm(dist, { recursive: true, force: true });
  });

  it('is the entry script of the served build’s manifest, on every connect', async () => {
    expect((await connect(served)).builds).toEqual([{ entry: 'assets/index-Build42.js' }]);
    expect((await connect(served)).builds).toEqual([{ entry: 'assets/index-Build42.js' }]);
  });

  it('is not sent when the BFF serves no web build, so no page offers a reload', async () => {
    expect((await connect(unbuilt)).builds).toEqual([]);
  });
});
