import { describe, expect, it } from 'vitest';
import { compileGoRegexp } from './go-regexp.js';

const matches = (pattern: string, value: string) => {
  const re = compileGoRegexp(pattern);
  if (typeof re === 'string') throw new Error(re);
  return re.test(value);
};

describe("patterns follow Go's regexp (RE2), not ECMAScript", () => {
  it('escaped punctuation such as \\_ and \\/ is a literal, as Go allows', () => {
    expect(matches('^[\\w.\\-\\_]+$', 'v1.2.3_rc-1')).toBe(true);
    expect(matches('^a\\/b\\#$', 'a/b#')).toBe(true);
  });

  it('RE2-only syntax works: \\z, \\Q…\\E, (?i), POSIX classes, \\x{…}, named groups', () => {
    expect(matches('^abc\\z', 'abc')).toBe(true);
    expect(matches('^\\Q1.5*\\E$', '1.5*')).toBe(true);
    expect(matches('^\\Q1.5*\\E$', '105')).toBe(false);
    expect(matches('(?i)^ready$', 'READY')).toBe(true);
    expect(matches('^[[:alpha:]]+$', 'Ready')).toBe(true);
    expect(matches('^\\x{41}$', 'A')).toBe(true);
    expect(matches('^(?P<major>\\d+)\\.', '1.2')).toBe(true);
  });

  it('\\s, \\w and \\d are ASCII-only, as in Go', () => {
    expect(matches('^\\s$', '\u00a0')).toBe(false);
    expect(matches('^\\s$', '\t')).toBe(true);
    expect(matches('^\\w+$', 'café')).toBe(false);
    expect(matches('^\\d$', '٣')).toBe(false);
  });

  it('matching is unanchored (MatchString), and . takes a whole code point', () => {
    expect(matches('b', 'abc')).toBe(true);
    expect(matches('^.$', '😀')).toBe(true);
    expect(matches('^a$', 'a\n')).toBe(false);
  });

  it("what Go refuses is refused with Go's message: lookarounds, backreferences, \\C", () => {
    expect(compileGoRegexp('a(?=b)')).toBe(
      'error parsing regexp: invalid or unsupported Perl syntax: `(?=`',
    );
    expect(compileGoRegexp('(a)\\1')).toBe('error parsing regexp: invalid escape sequence: `\\1`');
    expect(compileGoRegexp('+')).toBe(
      'error parsing regexp: missing argument to repetition operator: `+`',
    );
  });

  it("findAll drops an empty match that abuts the previous one, as Go's FindAllString does", () => {
    const re = compileGoRegexp('a*');
    if (typeof re === 'string') throw new Error(re);
    expect(re.findAll('baaa')).toEqual(['', 'aaa']);
    expect(re.findAll('abaa')).toEqual(['a', 'aa']);
    expect(re.find('xaay')).toBe('');
  });
});
