import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { readWebBuild, webAppRouter, type WebBuild } from './web-app.js';

const SHELL = '<!doctype html><html><head><base href="/" /></head><body></body></html>';

type Chunk = { file: string; css?: string[]; imports?: string[] };

/** A built web app whose manifest has chunks for these source modules, and these other chunks. */
async function distWith(modules: string[], chunks: Record<string, Chunk> = {}): Promise<string> {
  const dist = await mkdtemp(join(tmpdir(), 'wharf-web-app-'));
  await writeFile(join(dist, 'index.html'), SHELL);
  await mkdir(join(dist, '.vite'));
  const manifest = {
    ...Object.fromEntries(
      modules.map((m, i) => [m, { file: `assets/screen-${i}.js`, imports: ['index.html'] }]),
    ),
    ...chunks,
  };
  await writeFile(join(dist, '.vite/manifest.json'), JSON.stringify(manifest));
  return dist;
}

/** The web build `distWith` wrote. */
function built(dist: string): WebBuild {
  const build = readWebBuild(dist);
  if (!build) throw new Error(`no web build in ${dist}`);
  return build;
}

/** The app shell `webAppRouter(dist)` sends for `path` to a signed-in browser. */
async function shellFor(dist: string, path: string): Promise<string> {
  const app = express().use(webAppRouter(built(dist), ''));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      headers: { cookie: 'wharf_session=sealed' },
    });
    return await res.text();
  } finally {
    server.close();
  }
}

describe('webAppRouter', () => {
  const dists: string[] = [];
  afterEach(async () => {
    await Promise.all(dists.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });

  it('refuses to start when a landing screen it preloads is not in the build (a moved file)', async () => {
    const dist = await distWith(['src/features/projects/projects-page.tsx']);
    dists.push(dist);
    expect(() => webAppRouter(built(dist), '')).toThrow(/attention-page\.tsx.*LANDINGS/);
  });

  it('starts when every landing screen has its chunk', async () => {
    const dist = await distWith([
      'src/features/projects/projects-page.tsx',
      'src/features/projects/attention/attention-page.tsx',
    ]);
    dists.push(dist);
    expect(() => webAppRouter(built(dist), '')).not.toThrow();
  });

  it("links a landing screen's styles, its shared chunks' too, so its lazy import does not wait for them after the scripts ran", async () => {
    const dist = await distWith(['src/features/projects/projects-page.tsx'], {
      'src/features/projects/attention/attention-page.tsx': {
        file: 'assets/attention-page.js',
        imports: ['index.html', '_section.js'],
      },
      '_section.js': { file: 'assets/section.js', css: ['assets/section.css'] },
    });
    dists.push(dist);
    const html = await shellFor(dist, '/attention');
    expect(html).toContain('<link rel="modulepreload" crossorigin href="assets/section.js" />');
    expect(html).toContain('<link rel="stylesheet" crossorigin href="assets/section.css" />');
    expect(await shellFor(dist, '/projects/echo')).not.toContain('stylesheet');
  });
});
