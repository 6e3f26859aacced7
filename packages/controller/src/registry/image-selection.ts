import type { DiscoveredImageReference, ImageSubscription } from '@wharf/shared';
import { tagRegexFilter } from '../kargo/go-patterns.js';
import { rfc3339 } from '../kube/clock.js';
import { parseConstraint, parseVersion, newestFirst } from '../semver/kargo-semver.js';
import type { ImageInfo, PlatformInfo } from './image-metadata.js';

export interface PlatformConstraint {
  os: string;
  arch: string;
  variant: string;
}

/** `<os>/<arch>[/<variant>]`; undefined when unset. */
export function parsePlatform(text: string | undefined): PlatformConstraint | undefined {
  if (!text) return undefined;
  const [os, arch, variant] = text.split('/', 3);
  if (!os || !arch) throw new Error(`error parsing platform constraint "${text}"`);
  return { os, arch, variant: variant ?? '' };
}

const samePlatform = (c: PlatformConstraint, p: PlatformInfo) =>
  c.os === p.os && c.arch === p.arch && c.variant === p.variant;

/** Whether an image suits the platform constraint: only an index can say which platforms it has. */
export function matchesPlatform(img: ImageInfo, c: PlatformConstraint | undefined): boolean {
  return !c || (img.platforms ?? []).some((p) => samePlatform(c, p));
}

/** The tag filter of a subscription: the tag rules Kargo's selectors share, then the strategy's own rule. */
export function tagFilter(sub: ImageSubscription): (tag: string) => boolean {
  const byRegex = tagRegexFilter(sub);
  if ((sub.imageSelectionStrategy ?? 'SemVer') !== 'SemVer') return byRegex;
  const strict = sub.strictSemvers ?? true;
  const range = sub.constraint ? parseConstraint(sub.constraint) : undefined;
  return (tag) => {
    if (!byRegex(tag)) return false;
    const v = parseVersion(tag, strict);
    return v !== undefined && (!range || range.test(v.version));
  };
}

/** Tags in the order the strategy considers them (SemVer: newest version; Lexical: reverse byte order). */
export function orderTags(sub: ImageSubscription, tags: string[]): string[] {
  if ((sub.imageSelectionStrategy ?? 'SemVer') === 'SemVer') {
    const strict = sub.strictSemvers ?? true;
    return tags
      .map((t) => parseVersion(t, strict))
      .filter((v) => v !== undefined)
      .sort(newestFirst)
      .map((v) => v.original);
  }
  return [...tags].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
}

/** Newest build first, ties broken by tag (descending). */
export function byNewestBuild(
  a: { tag: string; img: ImageInfo },
  b: { tag: string; img: ImageInfo },
): number {
  const d = (b.img.createdAt?.getTime() ?? 0) - (a.img.createdAt?.getTime() ?? 0);
  if (d !== 0) return d;
  return a.tag < b.tag ? 1 : a.tag > b.tag ? -1 : 0;
}

/** One discovered reference exactly as Kargo writes it into `status.discoveredArtifacts`. */
export function toReference(
  tag: string,
  img: ImageInfo,
  platform: PlatformConstraint | undefined,
): DiscoveredImageReference {
  const fromPlatform = platform
    ? img.platforms?.find((p) => samePlatform(platform, p))?.annotations
    : undefined;
  const annotations = { ...img.annotations, ...fromPlatform };
  return {
    tag,
    digest: img.digest,
    ...(Object.keys(annotations).length ? { annotations } : {}),
    ...(img.createdAt ? { createdAt: rfc3339(img.createdAt) } : {}),
  };
}
