import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import semver from 'semver';
import type { DiscoveredCommit, GitSubscription } from '@wharf/shared';
import { tagRegexFilter } from '../kargo/go-patterns.js';
import { git } from './git-cli.js';

const SEP = '\x1f';
const LOG_FORMAT = ['%H', '%s', '%an <%ae>', '%cn <%ce>', '%cI'].join('%x1f');

/** A local mirror of the repository, fetched fresh on every discovery. */
export async function syncMirror(
  cacheDir: string,
  repoURL: string,
  env: Record<string, string>,
): Promise<string> {
  const dir = join(cacheDir, `${createHash('sha1').update(repoURL).digest('hex')}.git`);
  await mkdir(cacheDir, { recursive: true });
  if (!existsSync(dir)) await git(['clone', '--quiet', '--mirror', repoURL, dir], { env });
  else
    await git(['fetch', '--quiet', '--prune', '--tags', 'origin', '+refs/heads/*:refs/heads/*'], {
      cwd: dir,
      env,
    });
  return dir;
}

function parseLog(line: string): Omit<DiscoveredCommit, 'branch' | 'tag'> {
  const [id = '', subject = '', author = '', committer = '', date = ''] = line.split(SEP);
  return { id, subject, author, committer, creatorDate: date };
}

async function branchCommits(
  dir: string,
  sub: GitSubscription,
  limit: number,
): Promise<DiscoveredCommit[]> {
  const branch =
    sub.branch || (await git(['symbolic-ref', '--short', 'HEAD'], { cwd: dir })).trim();
  const out = await git(['log', `refs/heads/${branch}`, `-n${limit}`, `--format=${LOG_FORMAT}`], {
    cwd: dir,
  });
  return out
    .split('\n')
    .filter(Boolean)
    .map((l) => ({ ...parseLog(l), branch }));
}

function selectTags(tags: { name: string; date: string }[], sub: GitSubscription): string[] {
  const keep = tagRegexFilter(sub);
  const ok = tags.filter((t) => keep(t.name));
  switch (sub.commitSelectionStrategy) {
    case 'Lexical':
      return ok
        .map((t) => t.name)
        .sort()
        .reverse();
    case 'NewestTag':
      return [...ok].sort((a, b) => Date.parse(b.date) - Date.parse(a.date)).map((t) => t.name);
    default: {
      const constraint = sub.semverConstraint;
      return ok
        .filter((t) => semver.valid(t.name, { loose: true }))
        .filter((t) => !constraint || semver.satisfies(t.name, constraint, { loose: true }))
        .sort((a, b) => semver.rcompare(a.name, b.name, true))
        .map((t) => t.name);
    }
  }
}

async function tagCommits(
  dir: string,
  sub: GitSubscription,
  limit: number,
): Promise<DiscoveredCommit[]> {
  const refs = await git(
    ['for-each-ref', 'refs/tags', `--format=%(refname:short)${SEP}%(creatordate:iso-strict)`],
    { cwd: dir },
  );
  const tags = refs
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [name = '', date = ''] = l.split(SEP);
      return { name, date };
    });
  const chosen = selectTags(tags, sub).slice(0, limit);
  const commits: DiscoveredCommit[] = [];
  for (const tag of chosen) {
    const line = (
      await git(['log', '-1', `--format=${LOG_FORMAT}`, `refs/tags/${tag}^{commit}`], { cwd: dir })
    ).trim();
    commits.push({ ...parseLog(line), tag });
  }
  return commits;
}

/** Commits a git subscription selects, newest first, at most `discoveryLimit` (default 20). */
export async function discoverCommits(
  cacheDir: string,
  sub: GitSubscription,
  env: Record<string, string>,
): Promise<DiscoveredCommit[]> {
  const dir = await syncMirror(cacheDir, sub.repoURL, env);
  const limit = sub.discoveryLimit ?? 20;
  const strategy = sub.commitSelectionStrategy ?? 'NewestFromBranch';
  return strategy === 'NewestFromBranch'
    ? branchCommits(dir, sub, limit)
    : tagCommits(dir, sub, limit);
}
