import semver from 'semver';

// Kargo reads versions with Masterminds/semver: a leading "v", and missing minor/patch parts,
// are accepted unless "strict". This maps such a version onto node-semver without losing the
// original spelling, which is what Kargo reports.

const LOOSE =
  /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

export interface KargoVersion {
  original: string;
  version: semver.SemVer;
}

/** Parses like Masterminds' NewVersion; with `strict`, all three parts are required (a "v" is still fine). */
export function parseVersion(text: string, strict = false): KargoVersion | undefined {
  const m = LOOSE.exec(text);
  if (!m) return undefined;
  if (strict && (m[2] === undefined || m[3] === undefined)) return undefined;
  const core = `${m[1]}.${m[2] ?? '0'}.${m[3] ?? '0'}${m[4] ? `-${m[4]}` : ''}${m[5] ? `+${m[5]}` : ''}`;
  const version = semver.parse(core);
  return version ? { original: text, version } : undefined;
}

/** A Masterminds constraint (`,` means "and") as a node-semver range; throws when invalid. */
export function parseConstraint(constraint: string): semver.Range {
  try {
    return new semver.Range(constraint.replace(/,/g, ' '));
  } catch {
    throw new Error(`invalid semver constraint "${constraint}"`);
  }
}

/** Newest first; equal versions ordered by their spelling, descending (as Kargo breaks ties). */
export function newestFirst(a: KargoVersion, b: KargoVersion): number {
  const c = semver.rcompare(a.version, b.version);
  if (c !== 0) return c;
  return a.original < b.original ? 1 : a.original > b.original ? -1 : 0;
}

/** Versions satisfying the constraint, newest first, at most `limit` (0 = all). */
export function selectVersions(
  versions: KargoVersion[],
  constraint: string | undefined,
  limit: number,
): KargoVersion[] {
  const range = constraint ? parseConstraint(constraint) : undefined;
  const ok = versions.filter((v) => !range || range.test(v.version)).sort(newestFirst);
  return limit > 0 ? ok.slice(0, limit) : ok;
}
