import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { webAppRouter } from './web-app.js';

const SHELL = '<!doctype html><html><head><base href="/" /></head><body></body></html>';

/** A built web app whose manifest has chunks for these source modules. */
async function distWith(modules: string[]): Promise<string> {
  const dist = await mkdtemp(join(tmpdir(), 'wharf-web-app-'));
  await writeFile(join(dist, 'index.html'), SHELL);
  await mkdir(join(dist, '.vite'));
  const manifest = Object.fromEntries(
    modules.map((m, i) => [m, { file: `assets/screen-${i}.js`, imports: ['index.html'] }]),
  );
  await writeFile(join(dist, '.vite/manifest.json'), JSON.stringify(manifest));
  return dist;
}

describe('webAppRouter', () => {
  const dists: string[] = [];
  afterEach(async () => {
    await Promise.all(dists.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });

  it('refuses to start when a landing screen it preloads is not in the build (a moved file)', async () => {
    const dist = await distWith(['src/features/projects/projects-page.tsx']);
    dists.push(dist);
    expect(() => webAppRouter(dist, '')).toThrow(/attention-page\.tsx.*LANDINGS/);
  });

  it('starts when every landing screen has its chunk', async () => {
    const dist = await distWith([
      'src/features/projects/projects-page.tsx',
      'src/features/projects/attention/attention-page.tsx',
    ]);
    dists.push(dist);
    expect(() => webAppRouter(dist, '')).not.toThrow();
  });
});
