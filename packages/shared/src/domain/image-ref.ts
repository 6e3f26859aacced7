// Container image repository references as Kargo reads them (facts from Kargo's behaviour, which
// follows go-containerregistry's parsing; this is Wharf's own implementation).

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

export interface ImageRepository {
  /** Host (and port) to talk to: Docker Hub images resolve to `registry-1.docker.io`. */
  registry: string;
  /** Path of the repository on that registry, e.g. `library/nginx`. */
  repository: string;
}

/** Drops a trailing `:tag` and/or `@digest` (a `:` before the last `/` is a port, not a tag). */
function withoutTagOrDigest(ref: string): string {
  const at = ref.indexOf('@');
  const noDigest = at >= 0 ? ref.slice(0, at) : ref;
  const colon = noDigest.lastIndexOf(':');
  return colon > noDigest.lastIndexOf('/') ? noDigest.slice(0, colon) : noDigest;
}

/** Splits an image repository URL into registry and repository; undefined when it is not one. */
export function parseImageRepository(repoURL: string): ImageRepository | undefined {
  const ref = withoutTagOrDigest(repoURL.trim().replace(/^[a-z]+:\/\//i, ''));
  if (!ref || /\s/.test(ref)) return undefined;
  const slash = ref.indexOf('/');
  const first = slash >= 0 ? ref.slice(0, slash) : '';
  const hasRegistry = first.includes('.') || first.includes(':') || first === 'localhost';
  let registry = hasRegistry ? first : 'docker.io';
  let repository = hasRegistry ? ref.slice(slash + 1) : ref;
  if (
    !/^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(repository)
  )
    return undefined;
  if (DOCKER_HUB.has(registry.toLowerCase())) {
    registry = 'registry-1.docker.io';
    if (!repository.includes('/')) repository = `library/${repository}`;
  }
  return { registry: registry.toLowerCase(), repository };
}

/**
 * Kargo's image URL normalization (for comparing and matching credentials): lower-cased, tag
 * dropped, Docker Hub's host and `library/` dropped; anything unparsable comes back unchanged.
 */
export function normalizeImageUrl(repoURL: string): string {
  const parsed = parseImageRepository(repoURL.toLowerCase());
  if (!parsed) return repoURL;
  if (parsed.registry === 'registry-1.docker.io' && !/^\s*registry-1\.docker\.io\//i.test(repoURL))
    return parsed.repository.replace(/^library\//, '');
  return `${parsed.registry}/${parsed.repository}`;
}

/** Kargo's chart repository normalization for credentials: `oci://` dropped, then as an image. */
export function normalizeChartCredentialUrl(repoURL: string): string {
  const lower = repoURL.trim().toLowerCase();
  const bare = lower.startsWith('oci://') ? lower.slice('oci://'.length) : lower;
  return /^[a-z]+:\/\//.test(bare) ? bare : normalizeImageUrl(bare);
}
