// Canonical repository URLs as Kargo computes them for Freight names (facts from Kargo's
// behaviour; this is Wharf's own implementation).

const SCP_LIKE = /^((?:[\w-]+@)?[\w-]+(?:\.[\w-]+)*)(?::(.*))?$/;
const INVISIBLE = /[\s\u00a0\u200b\ufeff]/g;

function decodeAndSquash(input: string): string {
  let s = input;
  try {
    s = decodeURIComponent(s);
  } catch {
    // Not valid percent-encoding: Kargo keeps the text as it is.
  }
  return s.toLowerCase().replace(INVISIBLE, '');
}

function trimRepoPath(path: string): string {
  let p = path;
  if (p.endsWith('/')) p = p.slice(0, -1);
  if (p.endsWith('.git')) p = p.slice(0, -4);
  return p;
}

/** Splits `scheme://[user@]host[:port]/path`; null when it has a query or does not parse. */
function splitUrl(s: string): { scheme: string; user: string; host: string; path: string } | null {
  const m = /^([a-z][a-z0-9+.-]*):\/\/(?:([^@/]*)@)?([^/?#]*)([^?#]*)(#.*)?$/.exec(s);
  if (!m || s.includes('?')) return null;
  return { scheme: m[1] ?? '', user: m[2] ?? '', host: m[3] ?? '', path: m[4] ?? '' };
}

/**
 * Kargo's git URL normalization: lower-case, percent-decoded, whitespace removed; for http(s)
 * user info dropped; a trailing `/` then `.git` trimmed; scp-like `user@host:path` rewritten to
 * `ssh://user@host/path`. URLs it cannot read (e.g. with a query) come back lower-cased as they are.
 */
export function normalizeGitUrl(repoURL: string): string {
  const s = decodeAndSquash(repoURL);
  if (s === '') return s;
  if (s.startsWith('http://') || s.startsWith('https://') || s.startsWith('ssh://')) {
    const u = splitUrl(s);
    if (!u) return s;
    const user = u.scheme === 'ssh' && u.user ? `${u.user}@` : '';
    return `${u.scheme}://${user}${u.host}${trimRepoPath(u.path)}`;
  }
  const m = SCP_LIKE.exec(s);
  if (!m) return s;
  const userHost = m[1] ?? '';
  const path = trimRepoPath(m[2] ?? '');
  if (path.includes('?')) return s;
  return path === '' ? `ssh://${userHost}` : `ssh://${userHost}/${path}`;
}

/** Kargo's chart repository normalization: trimmed, lower-case, without `oci://`. */
export function normalizeChartRepoUrl(repoURL: string): string {
  const s = repoURL.trim().toLowerCase();
  return s.startsWith('oci://') ? s.slice('oci://'.length) : s;
}

/**
 * Go's path.Join: joins with `/` and cleans the result (collapses `//`, resolves `.` and `..`,
 * drops a trailing `/`). Kargo joins chart repo and name this way, so `https://x` becomes `https:/x`.
 */
export function goPathJoin(...parts: string[]): string {
  const joined = parts.filter((p) => p !== '').join('/');
  if (joined === '') return '';
  const rooted = joined.startsWith('/');
  const out: string[] = [];
  for (const seg of joined.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(seg);
  }
  const body = out.join('/');
  return rooted ? `/${body}` : body || '.';
}
