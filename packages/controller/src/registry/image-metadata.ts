import type { Manifest, OciRepository } from './oci-client.js';

export interface PlatformInfo {
  os: string;
  arch: string;
  variant: string;
  annotations?: Record<string, string>;
}

/** What Kargo learns about the image a tag points at. */
export interface ImageInfo {
  digest: string;
  createdAt?: Date;
  annotations?: Record<string, string>;
  /** Only for image indexes: the platforms they carry. */
  platforms?: PlatformInfo[];
}

const CREATED_KEYS = ['org.opencontainers.image.created', 'org.label-schema.build-date'];
const INDEX_TYPES = new Set([
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
]);
const IMAGE_TYPES = new Set([
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
]);

/** Build date: an OCI or label-schema annotation, else a config label, else the config's `created`. */
function creationTime(
  sources: (Record<string, string> | undefined)[],
  fallback: unknown,
): Date | undefined {
  for (const source of sources)
    for (const key of CREATED_KEYS) {
      const v = source?.[key];
      if (v && !Number.isNaN(Date.parse(v))) return new Date(v);
    }
  return typeof fallback === 'string' && !Number.isNaN(Date.parse(fallback))
    ? new Date(fallback)
    : undefined;
}

/** Manifests and configs addressed by digest never change: remember them across discoveries. */
export class DigestCache {
  private readonly entries = new Map<string, ImageInfo>();
  constructor(private readonly max = 10_000) {}
  get(key: string): ImageInfo | undefined {
    return this.entries.get(key);
  }
  set(key: string, value: ImageInfo): void {
    if (this.entries.size >= this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, value);
  }
}

async function fromImageManifest(repo: OciRepository, m: Manifest): Promise<ImageInfo> {
  const configDigest = m.body.config?.digest;
  const config = configDigest ? await repo.jsonBlob(configDigest) : {};
  const labels = (config.config as { Labels?: Record<string, string> } | undefined)?.Labels;
  const createdAt = creationTime([m.body.annotations, labels ?? undefined], config.created);
  return {
    digest: m.digest,
    ...(createdAt ? { createdAt } : {}),
    ...(m.body.annotations ? { annotations: m.body.annotations } : {}),
  };
}

async function byDigest(
  repo: OciRepository,
  cache: DigestCache,
  digest: string,
): Promise<ImageInfo> {
  const key = `${repo.access.registry}/${repo.access.repository}@${digest}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const info = await fromImageManifest(repo, await repo.manifest(digest));
  cache.set(key, info);
  return info;
}

/**
 * An index's digest, with the platforms it carries (attestations and other non-images skipped);
 * it was created no earlier than the newest image it references.
 */
async function fromIndex(repo: OciRepository, cache: DigestCache, m: Manifest): Promise<ImageInfo> {
  const platforms: PlatformInfo[] = [];
  let createdAt: Date | undefined;
  for (const ref of m.body.manifests ?? []) {
    const p = ref.platform;
    if (!p?.os || !p.architecture || p.os === 'unknown' || p.architecture === 'unknown') continue;
    const img = await byDigest(repo, cache, ref.digest);
    if (img.createdAt && (!createdAt || img.createdAt > createdAt)) createdAt = img.createdAt;
    platforms.push({
      os: p.os,
      arch: p.architecture,
      variant: p.variant ?? '',
      ...(ref.annotations ? { annotations: ref.annotations } : {}),
    });
  }
  if (platforms.length === 0)
    throw new Error('empty V2 manifest list or OCI index is not supported');
  return {
    digest: m.digest,
    ...(createdAt ? { createdAt } : {}),
    ...(m.body.annotations ? { annotations: m.body.annotations } : {}),
    platforms,
  };
}

/** The image a tag points at now: one manifest GET, plus configs not seen before. */
export async function imageByTag(
  repo: OciRepository,
  cache: DigestCache,
  tag: string,
): Promise<ImageInfo> {
  const m = await repo.manifest(tag);
  if (INDEX_TYPES.has(m.mediaType)) return fromIndex(repo, cache, m);
  if (IMAGE_TYPES.has(m.mediaType)) {
    const key = `${repo.access.registry}/${repo.access.repository}@${m.digest}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const info = await fromImageManifest(repo, m);
    cache.set(key, info);
    return info;
  }
  throw new Error(`unknown artifact type: ${m.mediaType}`);
}
