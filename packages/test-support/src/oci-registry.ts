import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import bcrypt from 'bcryptjs';
import { httpsRequest } from './https-request.js';
import { freePort, requireBinary, startDaemon, stopDaemon, waitUntil } from './processes.js';
import { selfSignedCert } from './tls.js';
import { startTokenServer, TOKEN_ISSUER, TOKEN_SERVICE, type TokenServer } from './token-server.js';

export interface ImageSpec {
  /** Goes into the config's `created` (the build date Kargo reads). */
  created: Date;
  /** Several platforms make an image index; one (or none) a plain manifest. */
  platforms?: { os: string; architecture: string; variant?: string }[];
  annotations?: Record<string, string>;
}

export interface OciRegistry {
  /** `127.0.0.1:<port>`: image repository URLs are `<host>/<name>`. */
  host: string;
  certPem: string;
  username?: string;
  password?: string;
  /** Pushes a small image (or image index) under `tag`; resolves with its digest. */
  pushImage(repository: string, tag: string, spec: ImageSpec): Promise<string>;
  /** Gives an existing image more tags (its manifest PUT again under each: cheap, for many tags). */
  retag(repository: string, fromTag: string, toTags: string[]): Promise<void>;
  /** Pushes a packaged Helm chart as OCI artifact tagged with its version ("+" written "_"). */
  pushChart(repository: string, version: string, tgz: Buffer): Promise<string>;
  close(): Promise<void>;
}

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const digestOf = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

function authConfig(o: { htpasswd?: string; realm?: string; cert: string }): string {
  if (o.htpasswd) return `auth:\n  htpasswd:\n    realm: wharf-test\n    path: ${o.htpasswd}\n`;
  if (o.realm)
    return `auth:\n  token:\n    realm: ${o.realm}\n    service: ${TOKEN_SERVICE}\n    issuer: ${TOKEN_ISSUER}\n    rootcertbundle: ${o.cert}\n`;
  return '';
}

function registryConfig(o: {
  root: string;
  port: number;
  cert: string;
  key: string;
  htpasswd?: string;
  realm?: string;
}) {
  return `version: 0.1
log:
  level: error
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: ${o.root}/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:${o.port}
  tls:
    certificate: ${o.cert}
    key: ${o.key}
${authConfig(o)}`;
}

/**
 * Debian's docker-registry (the CNCF distribution registry) on a free loopback port with TLS from
 * a self-signed certificate, optionally behind htpasswd basic auth or token auth (a bearer
 * challenge answered by a token server on loopback). Images are pushed through the
 * distribution API itself: no Docker, no skopeo.
 */
export async function startRegistry(
  opts: { username?: string; password?: string; auth?: 'basic' | 'token' } = {},
): Promise<OciRegistry> {
  const bin = await requireBinary('docker-registry', 'docker-registry');
  const root = await mkdtemp(join(tmpdir(), 'wharf-registry-'));
  const tls = await selfSignedCert(root);
  const port = await freePort();
  let htpasswd: string | undefined;
  let tokens: TokenServer | undefined;
  if (opts.username && opts.password && opts.auth === 'token')
    tokens = await startTokenServer(tls, { username: opts.username, password: opts.password });
  else if (opts.username && opts.password) {
    htpasswd = join(root, 'htpasswd');
    await writeFile(htpasswd, `${opts.username}:${bcrypt.hashSync(opts.password, 4)}\n`);
  }
  await writeFile(
    join(root, 'config.yml'),
    registryConfig({
      root,
      port,
      cert: tls.certPath,
      key: tls.keyPath,
      ...(htpasswd ? { htpasswd } : {}),
      ...(tokens ? { realm: tokens.realm } : {}),
    }),
  );
  const daemon = startDaemon(bin, ['serve', join(root, 'config.yml')]);
  const host = `127.0.0.1:${port}`;
  const base = `https://${host}/v2/`;
  const close = async () => {
    await stopDaemon(daemon);
    await tokens?.close();
    await rm(root, { recursive: true, force: true });
  };
  try {
    await waitUntil(
      'the registry to serve',
      async () => [200, 401].includes((await httpsRequest(base)).status),
      daemon,
    );
  } catch (err) {
    await close();
    throw err;
  }
  const basic: Record<string, string> = htpasswd
    ? {
        Authorization: `Basic ${Buffer.from(`${opts.username}:${opts.password}`).toString('base64')}`,
      }
    : {};
  /** The harness's own access: basic credentials, or a push token it mints for the repository. */
  const authFor = async (repo: string): Promise<Record<string, string>> =>
    tokens ? { Authorization: `Bearer ${await tokens.mint(repo, ['pull', 'push'])}` } : basic;

  async function pushBlob(repo: string, data: Buffer): Promise<string> {
    const auth = await authFor(repo);
    const digest = digestOf(data);
    const start = await httpsRequest(`${base}${repo}/blobs/uploads/`, {
      method: 'POST',
      headers: auth,
    });
    if (start.status !== 202)
      throw new Error(`blob upload refused: ${start.status} ${start.body.toString()}`);
    const location = new URL(String(start.headers.location), base);
    location.searchParams.set('digest', digest);
    const put = await httpsRequest(location.toString(), {
      method: 'PUT',
      headers: { ...auth, 'Content-Type': 'application/octet-stream' },
      body: data,
    });
    if (put.status !== 201)
      throw new Error(`blob upload failed: ${put.status} ${put.body.toString()}`);
    return digest;
  }

  async function putManifest(
    repo: string,
    ref: string,
    mediaType: string,
    body: object,
  ): Promise<string> {
    const auth = await authFor(repo);
    const bytes = Buffer.from(JSON.stringify(body));
    const res = await httpsRequest(`${base}${repo}/manifests/${ref}`, {
      method: 'PUT',
      headers: { ...auth, 'Content-Type': mediaType },
      body: bytes,
    });
    if (res.status !== 201)
      throw new Error(`manifest push failed: ${res.status} ${res.body.toString()}`);
    return digestOf(bytes);
  }

  async function pushSingle(
    repo: string,
    ref: string,
    created: Date,
    platform: { os: string; architecture: string; variant?: string },
    annotations?: Record<string, string>,
  ) {
    const layer = randomBytes(64);
    const layerDigest = await pushBlob(repo, layer);
    const config = Buffer.from(
      JSON.stringify({
        created: created.toISOString(),
        ...platform,
        config: { Labels: { 'org.opencontainers.image.title': repo } },
        rootfs: { type: 'layers', diff_ids: [layerDigest] },
      }),
    );
    const configDigest = await pushBlob(repo, config);
    const manifest = {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: configDigest,
        size: config.length,
      },
      layers: [
        {
          mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
          digest: layerDigest,
          size: layer.length,
        },
      ],
      ...(annotations ? { annotations } : {}),
    };
    const bytes = Buffer.from(JSON.stringify(manifest));
    const digest = await putManifest(
      repo,
      ref === '' ? digestOf(bytes) : ref,
      OCI_MANIFEST,
      manifest,
    );
    return { digest, size: bytes.length };
  }

  return {
    host,
    certPem: tls.certPem,
    ...(htpasswd ? { username: opts.username, password: opts.password } : {}),
    async pushImage(repository, tag, spec) {
      const platforms = spec.platforms ?? [];
      if (platforms.length <= 1)
        return (
          await pushSingle(
            repository,
            tag,
            spec.created,
            platforms[0] ?? { os: 'linux', architecture: 'amd64' },
            spec.annotations,
          )
        ).digest;
      const manifests = [];
      for (const p of platforms) {
        const m = await pushSingle(repository, '', spec.created, p);
        manifests.push({ mediaType: OCI_MANIFEST, digest: m.digest, size: m.size, platform: p });
      }
      return putManifest(repository, tag, OCI_INDEX, {
        schemaVersion: 2,
        mediaType: OCI_INDEX,
        manifests,
        ...(spec.annotations ? { annotations: spec.annotations } : {}),
      });
    },
    async retag(repository, fromTag, toTags) {
      const auth = await authFor(repository);
      const got = await httpsRequest(`${base}${repository}/manifests/${fromTag}`, {
        headers: { ...auth, Accept: `${OCI_MANIFEST}, ${OCI_INDEX}` },
      });
      if (got.status !== 200)
        throw new Error(`no manifest ${repository}:${fromTag}: ${got.status}`);
      for (const toTag of toTags) {
        const put = await httpsRequest(`${base}${repository}/manifests/${toTag}`, {
          method: 'PUT',
          headers: { ...auth, 'Content-Type': String(got.headers['content-type']) },
          body: got.body,
        });
        if (put.status !== 201)
          throw new Error(`retag failed: ${put.status} ${put.body.toString()}`);
      }
    },
    async pushChart(repository, version, tgz) {
      const layerDigest = await pushBlob(repository, tgz);
      const config = Buffer.from(
        JSON.stringify({ name: repository.split('/').pop(), version, apiVersion: 'v2' }),
      );
      const configDigest = await pushBlob(repository, config);
      return putManifest(repository, version.replace(/\+/g, '_'), OCI_MANIFEST, {
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        config: {
          mediaType: 'application/vnd.cncf.helm.config.v1+json',
          digest: configDigest,
          size: config.length,
        },
        layers: [
          {
            mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip',
            digest: layerDigest,
            size: tgz.length,
          },
        ],
      });
    },
    close,
  };
}
