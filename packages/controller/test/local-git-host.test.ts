import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gitConfigEnv, localGitConfig, localGitURL } from '../src/git/local-host.js';

describe('the local git host', () => {
  // Under the working directory, so its relative path starts with a name, as `.wharf` does.
  const parent = join(process.cwd(), '.test-output');
  mkdirSync(parent, { recursive: true });
  const root = mkdtempSync(join(parent, 'local-git-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('serves a repository under a data dir given as a relative path, as npm start gives .wharf', () => {
    execFileSync('git', ['init', '-q', '--bare', join(root, 'app.git')]);
    const relativeRoot = relative(process.cwd(), root);
    expect(relativeRoot.startsWith('.test-output')).toBe(true);
    const out = execFileSync('git', ['ls-remote', localGitURL('app.git')], {
      env: { ...process.env, ...gitConfigEnv(localGitConfig(relativeRoot)) },
      encoding: 'utf8',
    });
    expect(out).toBe('');
  });
});
