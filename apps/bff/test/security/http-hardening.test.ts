import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { echoServerProject } from '@wharf/shared/fixtures';
import { KubeClient } from '../../src/kube/kube-client.js';
import { kargoPath } from '../../src/kube/paths.js';
import { HAVE_CRDS, NO_CRDS_MESSAGE, type Harness } from '../support/bff-harness.js';
import { seedProject } from '../support/kube-seed.js';
import type { TestBrowser } from '../identity/support/browser.js';
import { startIdentityBff } from '../identity/support/full-bff.js';
import { adminBrowser, oidcBrowser } from '../identity/support/sign-in.js';
import type { TestApp } from '../identity/support/test-app.js';
import { seedKargoRoles } from '../support/kargo-roles.js';

const NS = 'echo-server';
const SHELL = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <base href="/" />
    <title>Wharf</title>
    <script type="module" crossorigin src="./assets/index.js"></script>
  </head>
  <body><div id="root"></div></body>
</html>`;
/** A built script with the brotli and gzip copies the web build writes beside it. */
const SCRIPT = `export const rows = [${Array.from({ length: 2000 }, (_, i) => `'row ${i}'`).join(', ')}];\n`;
const SCRIPT_BR = brotliCompressSync(SCRIPT);
const SCRIPT_GZ = gzipSync(SCRIPT, { level: 9 });

/** The build's manifest: the attention screen's chunk imports a shared chunk and the entry. */
const MANIFEST = {
  'index.html': { file: 'assets/index.js', imports: ['_shared-1.js'] },
  '_shared-1.js': { file: 'assets/shared-1.js' },
  '_list-2.js': { file: 'assets/list-2.js', imports: ['_shared-1.js'] },
  'src/features/projects/projects-page.tsx': {
    file: 'assets/projects-page-4.js',
    imports: ['index.html', '_list-2.js'],
  },
  'src/features/projects/attention/attention-page.tsx': {
    file: 'assets/attention-page-3.js',
    imports: ['index.html', '_list-2.js'],
  },
};

/** Raw bytes and headers of a GET, without decoding the body. */
function rawGet(url: string, acceptEncoding: string) {
  return new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    request(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

if (!HAVE_CRDS) console.warn(NO_CRDS_MESSAGE);

describe.skipIf(!HAVE_CRDS)('HTTP hardening: what every answer carries and what it refuses', () => {
  let app: TestApp & { harness: Harness };
  let dist: string;
  let admin: TestBrowser;
  let viewer: TestBrowser;
  let kube: KubeClient;

  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'wharf-web-dist-'));
    await writeFile(join(dist, 'index.html'), SHELL);
    await mkdir(join(dist, 'assets'));
    await writeFile(join(dist, 'assets/index-abc123.js'), SCRIPT);
    await writeFile(join(dist, 'assets/index-abc123.js.br'), SCRIPT_BR);
    await writeFile(join(dist, 'assets/index-abc123.js.gz'), SCRIPT_GZ);
    await mkdir(join(dist, '.vite'));
    await writeFile(join(dist, '.vite/manifest.json'), JSON.stringify(MANIFEST));
    app = await startIdentityBff(
      async (kc) => {
        await seedProject(kc, echoServerProject());
        await seedKargoRoles(kc, NS);
      },
      { webDist: dist },
    );
    kube = new KubeClient(app.harness.kc);
    admin = await adminBrowser(app);
    viewer = await oidcBrowser(app, 'vic@x.io');
  });
  afterAll(async () => {
    await app?.close();
    await rm(dist, { recursive: true, force: true });
  });

  const url = (path: string) => `${app.url}${path}`;
  const configMapExists = (name: string) =>
    kube.get(`/api/v1/namespaces/${NS}/configmaps/${name}`).then(
      () => true,
      () => false,
    );

  describe('metrics', () => {
    it('keep one label per route template after 2,000 made-up project names from an anonymous caller', async () => {
      const before = await (await fetch(url('/metrics'))).text();
      const names = Array.from(
        { length: 2000 },
        (_, i) => `made-up-${i}-${Math.random().toString(36).slice(2, 8)}`,
      );
      const shapes = [
        (n: string) => `/api/v1/projects/${n}`,
        (n: string) => `/api/v1/projects/${n}/graph`,
        (n: string) => `/api/v1/projects/${n}/roles`,
        (n: string) => `/api/v1/projects/${n}/roles/${n}/tokens`,
        (n: string) => `/api/v1/${n}`,
        (n: string) => `/api/v1/k8s/apis/kargo.akuity.io/v1alpha1/namespaces/${n}/stages`,
        (n: string) => `/projects/${n}`,
        (n: string) => `/${n}.js`,
      ];
      for (let i = 0; i < names.length; i += 40) {
        await Promise.all(
          names.slice(i, i + 40).map(async (n, j) => {
            const shape = shapes[(i + j) % shapes.length] ?? shapes[0];
            await (await fetch(url(shape?.(n) ?? '/'))).arrayBuffer();
          }),
        );
      }
      const after = await (await fetch(url('/metrics'))).text();
      expect(names.filter((n) => after.includes(n))).toEqual([]);
      const routes = new Set([...after.matchAll(/route="([^"]*)"/g)].map((m) => m[1]));
      expect(routes.size).toBeLessThan(40);
      expect([...routes]).toContain('/api/v1/projects/:p/roles/:name/tokens');
      // A few new series (template × status), never one per name.
      expect(after.length - before.length).toBeLessThan(40_000);
    });
  });

  describe('Content-Security-Policy', () => {
    const policyOf = (res: Response) => res.headers.get('content-security-policy') ?? '';

    it('is strict on the app shell: no inline or eval script, styles by a per-response nonce the page carries', async () => {
      const first = await fetch(url('/projects/echo-server'));
      const html = await first.text();
      const policy = policyOf(first);
      expect(policy).toMatch(/script-src 'self'(;|$)/);
      expect(policy).toMatch(/script-src-attr 'none'/);
      expect(policy).toMatch(/object-src 'none'/);
      expect(policy).toMatch(/frame-ancestors 'none'/);
      expect(policy).toMatch(/base-uri 'self'/);
      expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      const nonce = /style-src 'self' 'nonce-([^']+)'/.exec(policy)?.[1] ?? '';
      expect(nonce.length).toBeGreaterThanOrEqual(22);
      expect(html).toContain(`<meta name="csp-nonce" content="${nonce}" />`);
      expect(first.headers.get('cache-control')).toBe('no-store');
      const second = await fetch(url('/projects/echo-server'));
      expect(policyOf(second)).not.toContain(nonce);
      expect((await fetch(url('/index.html'))).headers.get('content-security-policy')).toMatch(
        /nonce-/,
      );
    });

    it("preloads the read a landing screen starts with, as same-origin fetch, and its code's chunks, for a signed-in browser only; nothing on other screens", async () => {
      const html = async (path: string, who = admin) => (await who.fetch(url(path))).text();
      const link = '<link rel="preload" as="fetch" crossorigin href="api/v1/attention" />';
      for (const path of ['/', '/attention', '/projects/', '/index.html'])
        expect(await html(path), path).toContain(link);
      const modules = [
        ...(await html('/attention')).matchAll(
          /<link rel="modulepreload" crossorigin href="([^"]+)" \/>/g,
        ),
      ].map((m) => m[1]);
      expect(modules).toEqual([
        'assets/attention-page-3.js',
        'assets/list-2.js',
        'assets/shared-1.js',
      ]);
      for (const path of ['/projects/echo-server', '/login', '/constructor'])
        expect(await html(path), path).not.toMatch(/rel="(module)?preload"/);
      // Signed out, the read would be a 401: sign-in comes first.
      expect(await (await fetch(url('/attention'))).text()).not.toMatch(/rel="(module)?preload"/);
    });

    it('is sent with API answers too', async () => {
      const res = await fetch(url('/api/v1/projects'));
      expect(policyOf(res)).toMatch(/default-src 'self'/);
    });
  });

  describe('caching', () => {
    it("sends a built script's own brotli or gzip copy as it is, cached for good, or the plain file", async () => {
      const path = url('/assets/index-abc123.js');
      const br = await rawGet(path, 'gzip, deflate, br');
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.body.equals(SCRIPT_BR)).toBe(true);
      expect(br.headers['content-type']).toMatch(/^text\/javascript/);
      expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(br.headers.vary).toMatch(/accept-encoding/i);
      const gz = await rawGet(path, 'gzip, deflate');
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gz.body.equals(SCRIPT_GZ)).toBe(true);
      const plain = await rawGet(path, 'identity');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.toString()).toBe(SCRIPT);
      expect((await fetch(url('/assets/missing-abc.js'))).status).toBe(404);
    });

    it('marks every API answer no-store, including the one that shows a new API token once', async () => {
      const anonymous = [
        '/api/v1/projects',
        '/api/v1/auth/config',
        '/api/v1/auth/me',
        '/api/v1/nope',
        '/api/openapi.json',
      ];
      for (const path of anonymous) {
        expect((await fetch(url(path))).headers.get('cache-control'), path).toBe('no-store');
      }
      const signedIn = await admin.api(url(`/api/v1/projects/${NS}/stages`));
      expect(signedIn.headers.get('cache-control')).toBe('no-store');
      const token = await oidcBrowser(app, 'ann@x.io').then((ann) =>
        ann.api(url(`/api/v1/projects/${NS}/roles/kargo-viewer/tokens`), 'POST', {
          name: 'shown-once',
        }),
      );
      expect(token.status).toBe(201);
      expect(token.headers.get('cache-control')).toBe('no-store');
    });
  });

  describe('internal addresses', () => {
    it('never shows the API server URL to an anonymous caller; a signed-in one sees it', async () => {
      const server = app.harness.kc.getCurrentCluster()?.server ?? '';
      expect(server).toMatch(/^https:/);
      for (const path of ['/readyz', '/api/v1/cluster']) {
        const text = await (await fetch(url(path))).text();
        expect(text, path).not.toContain(server);
        expect(text, path).not.toContain('127.0.0.1');
      }
      const mine = (await (await admin.api(url('/api/v1/cluster'))).json()) as { server?: string };
      expect(mine.server).toBe(server);
    });
  });

  describe('YAML apply refuses resource exhaustion with 4xx and changes nothing', () => {
    const apply = (manifest: string, as = admin) =>
      as.api(url('/api/v1/resources'), 'POST', { manifest });
    const configMap = (name: string) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}, namespace: ${NS}}\ndata: {k: v}\n`;

    it('answers an alias bomb ("billion laughs") with 400', async () => {
      const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
      for (let i = 1; i < 9; i++) {
        const prev = String.fromCharCode(96 + i);
        const name = String.fromCharCode(97 + i);
        levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
      }
      const bomb = `${configMap('first-ok')}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb, namespace: ${NS}}\ndata:\n${levels.map((l) => `  ${l}`).join('\n')}\n`;
      const started = Date.now();
      const res = await apply(bomb);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
        /Document 2 expands too many YAML aliases/,
      );
      expect(Date.now() - started).toBeLessThan(5000);
      expect(await configMapExists('first-ok')).toBe(false);
      expect(await configMapExists('bomb')).toBe(false);
    });

    it('answers more than 100 documents with 413, applying none of them', async () => {
      const manifest = Array.from({ length: 101 }, (_, i) => configMap(`many-${i}`)).join('---\n');
      const res = await apply(manifest);
      expect(res.status).toBe(413);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
        /more than 100 documents/,
      );
      expect(await configMapExists('many-0')).toBe(false);
    });

    it('answers a body over the limit with 413 and says so', async () => {
      const manifest = `${configMap('too-big')}  padding: "${'x'.repeat(3 * 1024 * 1024)}"\n`;
      const res = await apply(manifest);
      expect(res.status).toBe(413);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
        /larger than 2048 KiB/,
      );
      expect(await configMapExists('too-big')).toBe(false);
    });
  });

  describe('a request Kubernetes allows none of answers 403, not 2xx with refusals', () => {
    it('when a viewer applies YAML, the API answers 403 and nothing exists', async () => {
      const manifest = ['viewer-a', 'viewer-b']
        .map((n) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${n}, namespace: ${NS}}\n`)
        .join('---\n');
      const res = await viewer.api(url('/api/v1/resources'), 'POST', { manifest });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
        /You may not apply any of these 2 documents/,
      );
      expect(await configMapExists('viewer-a')).toBe(false);
    });

    it('when a viewer promotes downstream, the API answers 403 and no Promotion exists', async () => {
      const count = async () =>
        ((await kube.get(kargoPath('promotions', NS))) as { items: unknown[] }).items.length;
      const before = await count();
      const res = await viewer.api(
        url(`/api/v1/projects/${NS}/stages/development/promotions/downstream`),
        'POST',
        { freightAlias: 'quiet-mole' },
      );
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
        /You may not promote to any stage downstream of "development"/,
      );
      expect(await count()).toBe(before);
    });
  });
});
