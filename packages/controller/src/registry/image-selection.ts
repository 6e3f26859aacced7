import type { DiscoveredImageReference, ImageSubscription } from '@wharf/shared';
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

function compile(list: string[] | undefined): RegExp[] {
  return (list ?? []).map((r) => {
    try {
      return new RegExp(r);
    } catch {
      throw new Error(`error compiling regular expression "${r}"`);
    }
  });
}

/** The tag filter of a subscription: ignore rules first, then any allow rule, then the strategy's own rule. */
export function tagFilter(sub: ImageSubscription): (tag: string) => boolean {
  if (sub.allowTags)
    throw new Error(
      'AllowTags is deprecated and unsupported as of v1.11.0; use AllowTagsRegexes instead',
    );
  if (sub.ignoreTags?.length)
    throw new Error(
      'IgnoreTags is deprecated and unsupported as of v1.11.0; use IgnoreTagsRegexes instead',
    );
  const allow = compile(sub.allowTagsRegexes);
  const ignore = compile(sub.ignoreTagsRegexes);
  const byRegex = (tag: string) =>
    !ignore.some((r) => r.test(tag)) && (allow.length === 0 || allow.some((r) => r.test(tag)));
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
