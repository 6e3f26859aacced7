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

export type ForgeKind = 'github' | 'gitlab' | 'bitbucket' | 'gitea';

export interface Forge {
  kind: ForgeKind;
  /** The repository's web page, e.g. https://github.com/example/app. */
  web: string;
}

/** Hosts known by name; self-hosted ones are recognised by a host name that says which forge. */
function forgeKindOf(host: string): ForgeKind | undefined {
  if (host === 'github.com' || /(^|\.)github\./.test(host)) return 'github';
  if (host === 'gitlab.com' || /(^|\.)gitlab\./.test(host)) return 'gitlab';
  if (host === 'bitbucket.org') return 'bitbucket';
  if (host === 'codeberg.org' || /(^|\.)(gitea|forgejo)\./.test(host)) return 'gitea';
  return undefined;
}

/**
 * The forge a git repository URL lives on, when it is one Wharf knows (GitHub, GitLab,
 * Bitbucket Cloud, Gitea/Forgejo), with its web page. Reads https, ssh:// and scp-like
 * (`git@host:owner/repo.git`) URLs; keeps the path's case (forges may care), drops user info,
 * ports and `.git`.
 */
export function forgeOf(repoURL: string | undefined): Forge | undefined {
  const s = (repoURL ?? '').trim();
  let host: string;
  let path: string;
  const url = /^(?:https?|ssh|git):\/\/(?:[^@/]*@)?([^/:]+)(?::\d+)?(\/[^?#]*)$/i.exec(s);
  const scp = /^(?:[\w.-]+@)?([\w.-]+):(?!\/\/)([^?#]+)$/.exec(s);
  if (url) [host, path] = [url[1] ?? '', url[2] ?? ''];
  else if (scp) [host, path] = [scp[1] ?? '', `/${scp[2] ?? ''}`];
  else return undefined;
  host = host.toLowerCase();
  const kind = forgeKindOf(host);
  if (!kind) return undefined;
  const clean = path.replace(/\/+$/, '').replace(/\.git$/, '');
  if (clean.split('/').filter(Boolean).length < 2) return undefined;
  return { kind, web: `https://${host}${clean}` };
}

/** The forge's page comparing two commits (or tags) of a repository, when the forge is known. */
export function forgeCompareUrl(
  repoURL: string | undefined,
  from: string,
  to: string,
): string | undefined {
  const forge = forgeOf(repoURL);
  if (!forge || !from || !to) return undefined;
  const [a, b] = [encodeURIComponent(from), encodeURIComponent(to)];
  switch (forge.kind) {
    case 'github':
    case 'gitea':
      return `${forge.web}/compare/${a}...${b}`;
    case 'gitlab':
      return `${forge.web}/-/compare/${a}...${b}`;
    case 'bitbucket':
      // Bitbucket Cloud names the newer revision first, then the base.
      return `${forge.web}/branches/compare/${b}%0D${a}`;
  }
}

/** The forge's page of one commit, when the forge is known. */
export function forgeCommitUrl(repoURL: string | undefined, id: string): string | undefined {
  const forge = forgeOf(repoURL);
  if (!forge || !id) return undefined;
  const sha = encodeURIComponent(id);
  switch (forge.kind) {
    case 'github':
    case 'gitea':
      return `${forge.web}/commit/${sha}`;
    case 'gitlab':
      return `${forge.web}/-/commit/${sha}`;
    case 'bitbucket':
      return `${forge.web}/commits/${sha}`;
  }
}
