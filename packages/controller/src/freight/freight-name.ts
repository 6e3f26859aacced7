import { createHash } from 'node:crypto';
import type { Freight } from '@wharf/shared';

/** Normalizes a git repository URL the way Freight names need it: case of scheme/host, `.git`, trailing `/`. */
export function normalizeGitURL(url: string): string {
  let u = url.trim();
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^/]*)(.*)$/i.exec(u);
  if (m) u = `${(m[1] ?? '').toLowerCase()}${(m[2] ?? '').toLowerCase()}${m[3] ?? ''}`;
  u = u.replace(/\/+$/, '').replace(/\.git$/, '');
  return u;
}

type Artifacts = Pick<Freight, 'origin' | 'commits' | 'images' | 'charts'>;

/** Each artifact's key in Kargo's canonical form (commit, image, chart). */
export function artifactKeys(f: Artifacts): string[] {
  const keys: string[] = [];
  for (const c of f.commits ?? []) {
    const repo = normalizeGitURL(c.repoURL ?? '');
    keys.push(c.tag ? `${repo}:${c.tag}:${c.id ?? ''}` : `${repo}:${c.id ?? ''}`);
  }
  for (const i of f.images ?? []) keys.push(`${i.repoURL ?? ''}:${i.tag ?? ''}@${i.digest ?? ''}`);
  for (const c of f.charts ?? [])
    keys.push(`${c.repoURL ?? ''}/${c.name ?? ''}:${c.version ?? ''}`);
  return keys;
}

/**
 * Kargo's Freight name: SHA-1 (40 hex) of `<Kind>/<warehouse>:` followed by the sorted artifact
 * keys joined with `|`. Same artifacts from the same origin always give the same name.
 */
export function freightName(f: Artifacts): string {
  const keys = artifactKeys(f).sort();
  return createHash('sha1')
    .update(`${f.origin.kind}/${f.origin.name}:${keys.join('|')}`)
    .digest('hex');
}
