import { RE2JS } from 're2js';

// Kubernetes compiles CRD `pattern`s and CEL regexes with Go's regexp (RE2 syntax), not
// ECMAScript's. The two disagree in ways real CRDs hit: Go accepts `\_`, `\z`, `\Q…\E`, `(?i)`
// and `[[:alpha:]]`, its `\s` is ASCII, and it refuses lookarounds and backreferences. re2js is
// a pure-JS port of RE2 with Go's syntax, semantics and error wording, so patterns behave here
// as they do in kube-apiserver (and in linear time, whatever the value).

export interface GoRegexp {
  /** Go's MatchString: does the pattern match anywhere in the value (unanchored)? */
  test(value: string): boolean;
  /** The leftmost match, or undefined. */
  find(value: string): string | undefined;
  /** Every non-overlapping match, leftmost first. */
  findAll(value: string): string[];
}

// Patterns come from CRDs and CEL rules: few and reused. The cap only guards against rules that
// build a regex from data.
const CACHE_LIMIT = 1000;
const cache = new Map<string, GoRegexp | string>();

/** The compiled pattern, or Go's compile error (`error parsing regexp: …`). */
export function compileGoRegexp(pattern: string): GoRegexp | string {
  let hit = cache.get(pattern);
  if (hit === undefined) {
    hit = compile(pattern);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(pattern, hit);
  }
  return hit;
}

function compile(pattern: string): GoRegexp | string {
  let re: RE2JS;
  try {
    re = RE2JS.compile(pattern);
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
  return {
    test: (value) => re.test(value),
    find: (value) => {
      const m = re.matcher(value);
      return m.find() ? (m.group() ?? '') : undefined;
    },
    findAll: (value) => {
      const m = re.matcher(value);
      const out: string[] = [];
      let lastEnd = -1;
      while (m.find()) {
        // Go drops an empty match that abuts the previous match; Java's matcher (re2js) keeps it.
        if (m.start() !== m.end() || m.start() !== lastEnd) out.push(m.group() ?? '');
        lastEnd = m.end();
      }
      return out;
    },
  };
}

/** compileGoRegexp for callers that treat a bad pattern as an error. */
export function mustCompileGoRegexp(pattern: string): GoRegexp {
  const re = compileGoRegexp(pattern);
  if (typeof re === 'string') throw new Error(re);
  return re;
}
