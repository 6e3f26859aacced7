import type { ProjectConfig } from '@wharf/shared';
import { describe, expect, it } from 'vitest';
import { namePattern, tagRegexFilter } from '../src/kargo/go-patterns.js';
import { autoPromotionEnabled } from '../src/stage/policy.js';

// Kargo compiles these with Go's regexp package; each case below reads differently (or not at
// all) as an ECMAScript RegExp.

describe("Kargo's name patterns in promotion policies", () => {
  const policy = (name: string): ProjectConfig => ({
    apiVersion: 'kargo.akuity.io/v1alpha1',
    kind: 'ProjectConfig',
    metadata: { name: 'p', namespace: 'p' },
    spec: { promotionPolicies: [{ stageSelector: { name }, autoPromotionEnabled: true }] },
  });
  const enabledFor = (name: string, pattern: string) =>
    autoPromotionEnabled({ metadata: { name } }, policy(pattern));

  it('a regex: selector is a Go regexp: flag groups and POSIX classes work, unanchored', () => {
    expect(enabledFor('prod-eu', 'regex:(?i)^PROD-')).toBe(true);
    expect(enabledFor('prod-2', 'regex:^prod-[[:digit:]]+$')).toBe(true);
    expect(enabledFor('prod-x', 'regex:^prod-[[:digit:]]+$')).toBe(false);
    expect(enabledFor('eu-prod-1', 'regex:prod')).toBe(true);
  });

  it('regexp: is the same as regex:, glob: matches the whole name, anything else is exact', () => {
    expect(enabledFor('prod-eu', 'regexp:^prod')).toBe(true);
    expect(enabledFor('prod-eu', 'glob:prod-*')).toBe(true);
    expect(enabledFor('eu-prod', 'glob:prod-*')).toBe(false);
    expect(enabledFor('prod', 'prod')).toBe(true);
    expect(enabledFor('prod-eu', 'prod')).toBe(false);
  });

  it("a regexp Go refuses (a lookahead) is an error with Go's words, not a silent match", () => {
    expect(() => namePattern('regex:^prod(?=-eu)')).toThrow(/error parsing regexp/);
    expect(() => enabledFor('prod-eu', 'regex:^prod(?=-eu)')).toThrow(/error parsing regexp/);
  });
});

describe('tag rules of git and image subscriptions', () => {
  it('ignore regexps exclude first, then any allow regexp admits; with none every tag passes', () => {
    const keep = tagRegexFilter({
      allowTagsRegexes: ['(?i)^V[[:digit:]]', '^release-'],
      ignoreTagsRegexes: ['-rc\\z'],
    });
    expect(['v1.0.0', 'V2', 'release-7', 'v1.1.0-rc', 'nightly'].filter(keep)).toEqual([
      'v1.0.0',
      'V2',
      'release-7',
    ]);
    expect(tagRegexFilter({})('anything')).toBe(true);
  });

  it('a regexp Go refuses fails discovery naming it; the deprecated fields fail as in Kargo v1.11', () => {
    expect(() => tagRegexFilter({ allowTagsRegexes: ['^v(?!0)'] })).toThrow(
      /error compiling regular expression "\^v\(\?!0\)": error parsing regexp/,
    );
    expect(() => tagRegexFilter({ allowTags: '^v' })).toThrow(
      'AllowTags is deprecated and unsupported as of v1.11.0; use AllowTagsRegexes instead',
    );
    expect(() => tagRegexFilter({ ignoreTags: ['v0'] })).toThrow(
      'IgnoreTags is deprecated and unsupported as of v1.11.0; use IgnoreTagsRegexes instead',
    );
  });
});
