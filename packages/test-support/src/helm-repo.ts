import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { run } from './processes.js';
import { selfSignedCert } from './tls.js';

export interface HelmRepo {
  /** `https://127.0.0.1:<port>` (`http://` when plainHttp) */
  url: string;
  /** Packages a minimal chart, adds it to index.yaml and serves both; resolves with the .tgz bytes. */
  addChart(name: string, version: string): Promise<Buffer>;
  close(): Promise<void>;
}

/** A packaged chart: `<name>/Chart.yaml` in a gzipped tar, as `helm package` makes it. */
export async function packageChart(name: string, version: string): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'wharf-chart-'));
  await mkdir(join(dir, name));
  await writeFile(
    join(dir, name, 'Chart.yaml'),
    `apiVersion: v2\nname: ${name}\nversion: ${version}\ntype: application\n`,
  );
  await writeFile(join(dir, name, 'values.yaml'), 'replicaCount: 1\n');
  const tgz = join(dir, `${name}-${version}.tgz`);
  await run('tar', ['-czf', tgz, '-C', dir, name]);
  const bytes = await readFile(tgz);
  await rm(dir, { recursive: true, force: true });
  return bytes;
}

/**
 * A classic Helm chart repository (index.yaml plus .tgz files) over TLS on loopback, optionally
 * behind basic auth: what Helm and Kargo read with plain HTTP GETs.
 */
export async function startHelmRepo(
  opts: { username?: string; password?: string; plainHttp?: boolean } = {},
): Promise<HelmRepo> {
  const root = await mkdtemp(join(tmpdir(), 'wharf-helm-repo-'));
  const tls = await selfSignedCert(root);
  const files = new Map<string, Buffer>();
  const entries: Record<string, object[]> = {};
  const expected = opts.username
    ? `Basic ${Buffer.from(`${opts.username}:${opts.password ?? ''}`).toString('base64')}`
    : undefined;
  const handle: RequestListener = (req, res) => {
    if (expected && req.headers.authorization !== expected) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="charts"' }).end('unauthorized');
      return;
    }
    const body = files.get(new URL(req.url ?? '/', 'https://x').pathname);
    if (!body) res.writeHead(404).end('not found');
    else res.writeHead(200).end(body);
  };
  const server: Server = opts.plainHttp
    ? createHttpServer(handle)
    : createServer({ cert: tls.certPem, key: await readFile(tls.keyPath) }, handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const url = `${opts.plainHttp ? 'http' : 'https'}://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  return {
    url,
    async addChart(name, version) {
      const tgz = await packageChart(name, version);
      const file = `${name}-${version}.tgz`;
      files.set(`/${file}`, tgz);
      (entries[name] ??= []).unshift({
        apiVersion: 'v2',
        name,
        version,
        urls: [file],
        created: new Date().toISOString(),
      });
      files.set(
        '/index.yaml',
        Buffer.from(stringify({ apiVersion: 'v1', entries, generated: new Date().toISOString() })),
      );
      return tgz;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(root, { recursive: true, force: true });
    },
  };
}
