import { createHash } from 'node:crypto';
import {
  checkSupport,
  getImageConfig,
  getLayer,
  getTags,
  registryCall,
  type ClientOptions,
} from '@snyk/docker-registry-v2-client';
import { describeFailure } from './registry-errors.js';

/** Where and how to reach one repository of an OCI distribution registry. */
export interface OciAccess {
  registry: string;
  repository: string;
  username?: string;
  password?: string;
  /** `<namespace>/<name>` of the credentials' Secret, for messages. */
  secret?: string;
  insecureSkipTLSVerify?: boolean;
  /** Shown when the registry asks for credentials and none were found. */
  noCredentialsHint: string;
}

export interface Manifest {
  digest: string;
  mediaType: string;
  body: OciManifestBody;
}

export interface OciDescriptor {
  mediaType?: string;
  digest: string;
  annotations?: Record<string, string>;
  platform?: { os?: string; architecture?: string; variant?: string };
}

export interface OciManifestBody {
  mediaType?: string;
  config?: OciDescriptor;
  manifests?: OciDescriptor[];
  annotations?: Record<string, string>;
}

const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

// go-containerregistry falls back to plain http for these (local development registries).
const MAY_BE_PLAIN_HTTP =
  /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+)(:\d+)?$/;

const TIMEOUTS = { open_timeout: 10_000, response_timeout: 30_000, read_timeout: 30_000 };
const TAGS_PAGE_SIZE = 1000;

interface RawResponse {
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/**
 * Reads one repository over the OCI distribution API with @snyk/docker-registry-v2-client: tag
 * listing (Link-header paging), config blobs, and the WWW-Authenticate challenge (bearer token or
 * basic). Manifests are fetched raw so an image index keeps its own digest, as Kargo records it.
 */
export class OciRepository {
  private protocol: 'https:' | 'http:' | undefined;

  constructor(
    readonly access: OciAccess,
    private readonly pageSize = TAGS_PAGE_SIZE,
  ) {}

  private options(extra: ClientOptions = {}): ClientOptions {
    return {
      ...TIMEOUTS,
      protocol: this.protocol ?? 'https:',
      rejectUnauthorized: !this.access.insecureSkipTLSVerify,
      ...extra,
    };
  }

  private fail(err: unknown, what: string): never {
    throw describeFailure(err, this.access.registry, what, {
      ...(this.access.secret ? { credentials: this.access.secret } : {}),
      noCredentials: this.access.noCredentialsHint,
    });
  }

  /** https first; plain http only for local registries that don't speak TLS (as Kargo does). */
  private async ensureScheme(): Promise<void> {
    if (this.protocol) return;
    const { registry, username, password } = this.access;
    const speaks = (protocol: 'https:' | 'http:') =>
      checkSupport(registry, username, password, this.options({ protocol })).then(
        () => undefined,
        // A registry answers /v2/ with 200, or 401/403 asking for credentials.
        (err: { statusCode?: number }) =>
          err.statusCode === 401 || err.statusCode === 403 ? undefined : err,
      );
    const httpsErr = await speaks('https:');
    if (!httpsErr) this.protocol = 'https:';
    else if (MAY_BE_PLAIN_HTTP.test(registry) && !(await speaks('http:'))) this.protocol = 'http:';
    else this.fail(httpsErr, `repository ${this.access.repository}`);
  }

  /** Every tag of the repository, following the registry's `Link` pages. */
  async tags(): Promise<string[]> {
    await this.ensureScheme();
    const { registry, repository, username, password } = this.access;
    return getTags(
      registry,
      repository,
      username,
      password,
      this.pageSize,
      undefined,
      this.options(),
    ).catch((err: unknown) => this.fail(err, `the tags of ${repository}`));
  }

  /** A manifest or index by tag or digest, with the digest of its exact bytes. */
  async manifest(reference: string): Promise<Manifest> {
    await this.ensureScheme();
    const { registry, repository, username, password } = this.access;
    const uri = `${registry}/v2/${repository}/manifests/${reference}`;
    const res = (await registryCall(
      uri,
      username,
      password,
      this.options({ headers: { Accept: MANIFEST_TYPES }, parse_response: false }),
    ).catch((err: unknown) => this.fail(err, `${repository}:${reference}`))) as RawResponse;
    const bytes = Buffer.isBuffer(res.body) ? res.body : Buffer.from(String(res.body));
    const body = JSON.parse(bytes.toString('utf8')) as OciManifestBody;
    const header = res.headers['docker-content-digest'];
    const digest =
      typeof header === 'string' && header.startsWith('sha256:')
        ? header
        : `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    const contentType = res.headers['content-type'];
    return {
      digest,
      mediaType: body.mediaType ?? (typeof contentType === 'string' ? contentType : ''),
      body,
    };
  }

  /** A JSON blob (an image config) by digest. */
  async jsonBlob(digest: string): Promise<Record<string, unknown>> {
    await this.ensureScheme();
    const { registry, repository, username, password } = this.access;
    const blob: unknown = await getImageConfig(
      registry,
      repository,
      digest,
      username,
      password,
      this.options(),
    ).catch((err: unknown) => this.fail(err, `blob ${digest} of ${repository}`));
    if (Buffer.isBuffer(blob)) return JSON.parse(blob.toString('utf8')) as Record<string, unknown>;
    return typeof blob === 'string'
      ? (JSON.parse(blob) as Record<string, unknown>)
      : (blob as Record<string, unknown>);
  }

  /** Any blob (a chart's tarball) by digest, as bytes. */
  async blob(digest: string): Promise<Buffer> {
    await this.ensureScheme();
    const { registry, repository, username, password } = this.access;
    const data: unknown = await getLayer(
      registry,
      repository,
      digest,
      username,
      password,
      this.options(),
    ).catch((err: unknown) => this.fail(err, `blob ${digest} of ${repository}`));
    return Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer);
  }
}
