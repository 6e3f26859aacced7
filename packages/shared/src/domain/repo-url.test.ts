import { describe, expect, it } from 'vitest';
import {
  forgeCommitUrl,
  forgeCompareUrl,
  forgeOf,
  goPathJoin,
  normalizeChartRepoUrl,
  normalizeGitUrl,
} from './repo-url.js';

describe('normalizeGitUrl', () => {
  it.each([
    ['https://github.com/Akuity/Kargo-Demo.git', 'https://github.com/akuity/kargo-demo'],
    ['https://github.com/akuity/kargo-demo/', 'https://github.com/akuity/kargo-demo'],
    ['https://user:secret@github.com/akuity/kargo-demo', 'https://github.com/akuity/kargo-demo'],
    ['http://git.example.com:8080/team/repo.git', 'http://git.example.com:8080/team/repo'],
    ['ssh://git@github.com/akuity/kargo-demo.git', 'ssh://git@github.com/akuity/kargo-demo'],
    ['git@github.com:akuity/kargo-demo.git', 'ssh://git@github.com/akuity/kargo-demo'],
    ['github.com:akuity/kargo-demo', 'ssh://github.com/akuity/kargo-demo'],
    ['git@github.com', 'ssh://git@github.com'],
    ['  https://github.com/a/b\u200b ', 'https://github.com/a/b'],
    ['https://github.com/a/my%20repo', 'https://github.com/a/myrepo'],
  ])('turns %j into %j', (input, expected) => {
    expect(normalizeGitUrl(input)).toBe(expected);
  });

  it('trims only one trailing slash, then .git (in that order)', () => {
    expect(normalizeGitUrl('https://h/a/b.git/')).toBe('https://h/a/b');
    expect(normalizeGitUrl('https://h/a/b/.git')).toBe('https://h/a/b/');
  });

  it('leaves URLs with a query as they are, apart from case', () => {
    expect(normalizeGitUrl('https://h/A.git?x=1')).toBe('https://h/a.git?x=1');
  });

  it('gives the same key for the spellings of one repository', () => {
    const spellings = [
      'https://github.com/akuity/kargo-demo',
      'https://GitHub.com/akuity/kargo-demo.git',
      'https://bot@github.com/akuity/kargo-demo/',
    ];
    expect(new Set(spellings.map(normalizeGitUrl)).size).toBe(1);
  });
});

describe('normalizeChartRepoUrl', () => {
  it('drops oci://, lower-cases and trims', () => {
    expect(normalizeChartRepoUrl(' OCI://ghcr.io/Akuity/charts ')).toBe('ghcr.io/akuity/charts');
    expect(normalizeChartRepoUrl('https://charts.example.com')).toBe('https://charts.example.com');
  });
});

describe('goPathJoin', () => {
  it('cleans like Go path.Join, collapsing the scheme slashes too', () => {
    expect(goPathJoin('https://charts.example.com', 'nginx')).toBe(
      'https:/charts.example.com/nginx',
    );
    expect(goPathJoin('ghcr.io/akuity/charts/', 'kargo')).toBe('ghcr.io/akuity/charts/kargo');
    expect(goPathJoin('ghcr.io/x', '')).toBe('ghcr.io/x');
    expect(goPathJoin('a/./b/../c', 'd')).toBe('a/c/d');
    expect(goPathJoin('/a', '../../b')).toBe('/b');
    expect(goPathJoin('', '')).toBe('');
  });
});

describe('forge links', () => {
  it('know GitHub, GitLab, Bitbucket and Gitea/Forgejo from https, ssh and scp-like URLs', () => {
    expect(forgeOf('https://github.com/Example/App.git')).toEqual({
      kind: 'github',
      web: 'https://github.com/Example/App',
    });
    expect(forgeOf('git@gitlab.com:group/sub/app.git')?.web).toBe(
      'https://gitlab.com/group/sub/app',
    );
    expect(forgeOf('ssh://git@bitbucket.org:22/team/app')?.kind).toBe('bitbucket');
    expect(forgeOf('https://gitea.example.com/ops/app')?.kind).toBe('gitea');
    expect(forgeOf('https://codeberg.org/ops/app')?.kind).toBe('gitea');
    expect(forgeOf('https://git.example.com/ops/app')).toBeUndefined();
    expect(forgeOf('https://github.com/only-owner')).toBeUndefined();
  });

  it("build each forge's compare and commit page", () => {
    expect(forgeCompareUrl('https://github.com/e/app', 'aaa', 'bbb')).toBe(
      'https://github.com/e/app/compare/aaa...bbb',
    );
    expect(forgeCompareUrl('https://gitlab.com/e/app', 'aaa', 'bbb')).toBe(
      'https://gitlab.com/e/app/-/compare/aaa...bbb',
    );
    expect(forgeCompareUrl('https://bitbucket.org/e/app', 'aaa', 'bbb')).toBe(
      'https://bitbucket.org/e/app/branches/compare/bbb%0Daaa',
    );
    expect(forgeCommitUrl('https://forgejo.example.com/e/app.git', 'abc')).toBe(
      'https://forgejo.example.com/e/app/commit/abc',
    );
    expect(forgeCompareUrl('https://git.example.com/e/app', 'a', 'b')).toBeUndefined();
  });
});
