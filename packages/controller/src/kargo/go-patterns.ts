import { compileGoRegexp, mustCompileGoRegexp } from '@wharf/apiserver/go-regexp';

// Users write Go regular expressions for Kargo (RE2 syntax: `\_`, `(?i)`, `[[:alpha:]]`, no
// lookarounds), so the stand-in reads them with the same Go-compatible engine the embedded API
// server uses for CRD patterns, never as ECMAScript.

/** A regexp subscriptions and policies use; undefined when Go cannot compile it. */
export function goRegexpOrUndefined(pattern: string): ((value: string) => boolean) | undefined {
  const re = compileGoRegexp(pattern);
  return typeof re === 'string' ? undefined : (value) => re.test(value);
}

function globMatcher(glob: string): (name: string) => boolean {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  const re = new RegExp(`^${body}$`);
  return (name) => re.test(name);
}

/** The identifiers Kargo's name patterns start with. */
export const NAME_PATTERN_PREFIXES = ['glob:', 'regex:', 'regexp:'] as const;

/**
 * Kargo's name pattern (pkg/pattern): `glob:…`, `regex:…` or `regexp:…` (unanchored Go regexp),
 * otherwise the exact name. Throws Kargo's error for a regexp Go refuses.
 */
export function namePattern(pattern: string): (name: string) => boolean {
  if (pattern.startsWith('glob:')) return globMatcher(pattern.slice('glob:'.length));
  const prefix = NAME_PATTERN_PREFIXES.find((p) => p !== 'glob:' && pattern.startsWith(p));
  if (prefix) {
    const re = mustCompileGoRegexp(pattern.slice(prefix.length));
    return (name) => re.test(name);
  }
  return (name) => name === pattern;
}

interface TagRules {
  allowTags?: string;
  allowTagsRegexes?: string[];
  ignoreTags?: string[];
  ignoreTagsRegexes?: string[];
}

function compileAll(list: string[] | undefined): ((tag: string) => boolean)[] {
  return (list ?? []).map((r) => {
    const re = compileGoRegexp(r);
    if (typeof re === 'string') throw new Error(`error compiling regular expression "${r}": ${re}`);
    return (tag) => re.test(tag);
  });
}

/**
 * The tag rules of a git or image subscription, as Kargo v1.11's tag-based selectors apply them:
 * any ignore regexp excludes, then any allow regexp admits (none: every tag); the deprecated
 * allowTags/ignoreTags make discovery fail.
 */
export function tagRegexFilter(sub: TagRules): (tag: string) => boolean {
  const allow = compileAll(sub.allowTagsRegexes);
  if (sub.allowTags)
    throw new Error(
      'AllowTags is deprecated and unsupported as of v1.11.0; use AllowTagsRegexes instead',
    );
  const ignore = compileAll(sub.ignoreTagsRegexes);
  if (sub.ignoreTags?.length)
    throw new Error(
      'IgnoreTags is deprecated and unsupported as of v1.11.0; use IgnoreTagsRegexes instead',
    );
  return (tag) => !ignore.some((m) => m(tag)) && (allow.length === 0 || allow.some((m) => m(tag)));
}
