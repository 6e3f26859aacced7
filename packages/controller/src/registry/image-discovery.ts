import {
  parseImageRepository,
  type ImageDiscoveryResult,
  type ImageSubscription,
} from '@wharf/shared';
import type { RepoCredentials } from '../credentials/credentials.js';
import { type DigestCache, type ImageInfo, imageByTag } from './image-metadata.js';
import {
  byNewestBuild,
  matchesPlatform,
  orderTags,
  parsePlatform,
  tagFilter,
  toReference,
} from './image-selection.js';
import { OciRepository } from './oci-client.js';
import { RegistryError } from './registry-errors.js';

const DEFAULT_LIMIT = 20;
/** NewestBuild reads every matching tag: a few at a time, as a well-behaved client. */
const CONCURRENCY = 8;

async function mapLimited<T, R>(items: T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * Discovers images for one subscription as Kargo's image subscriber does: list tags, filter and
 * order them by the strategy, then read manifests (and configs for build dates) until
 * `discoveryLimit` images suit the platform constraint.
 */
export async function discoverImages(
  sub: ImageSubscription,
  creds: RepoCredentials | undefined,
  cache: DigestCache,
  noCredentialsHint: string,
): Promise<ImageDiscoveryResult> {
  const where = parseImageRepository(sub.repoURL);
  if (!where) throw new Error(`"${sub.repoURL}" is not a valid image repository URL`);
  const repo = new OciRepository({
    ...where,
    ...(creds ? { username: creds.username, password: creds.password, secret: creds.secret } : {}),
    ...(sub.insecureSkipTLSVerify ? { insecureSkipTLSVerify: true } : {}),
    noCredentialsHint,
  });
  const platform = parsePlatform(sub.platform);
  const limit = sub.discoveryLimit && sub.discoveryLimit > 0 ? sub.discoveryLimit : DEFAULT_LIMIT;
  const strategy = sub.imageSelectionStrategy ?? 'SemVer';
  const found: { tag: string; img: ImageInfo }[] = [];
  if (strategy === 'Digest') {
    if (!sub.constraint)
      throw new Error('constraint must be set when imageSelectionStrategy is Digest');
    const img = await imageByTag(repo, cache, sub.constraint).catch((err: unknown) => {
      if (err instanceof RegistryError && err.status === 404) return undefined;
      throw err;
    });
    if (img && matchesPlatform(img, platform)) found.push({ tag: sub.constraint, img });
  } else if (!['SemVer', 'Lexical', 'NewestBuild'].includes(strategy)) {
    throw new Error(`unsupported imageSelectionStrategy "${strategy}"`);
  } else {
    const keep = tagFilter(sub);
    const tags = (await repo.tags()).filter(keep);
    if (strategy === 'NewestBuild') {
      const all = await mapLimited(tags, CONCURRENCY, async (tag) => ({
        tag,
        img: await imageByTag(repo, cache, tag),
      }));
      found.push(
        ...all
          .filter((x) => matchesPlatform(x.img, platform))
          .sort(byNewestBuild)
          .slice(0, limit),
      );
    } else {
      for (const tag of orderTags(sub, tags)) {
        if (found.length >= limit) break;
        const img = await imageByTag(repo, cache, tag);
        if (matchesPlatform(img, platform)) found.push({ tag, img });
      }
    }
  }
  return {
    repoURL: sub.repoURL,
    ...(sub.platform ? { platform: sub.platform } : {}),
    ...(found.length ? { references: found.map((f) => toReference(f.tag, f.img, platform)) } : {}),
  };
}
