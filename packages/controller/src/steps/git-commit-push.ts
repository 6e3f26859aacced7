import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { explainGitFailure } from '../git/credentials.js';
import { git } from '../git/git-cli.js';
import { parseConfig } from './parse-config.js';
import { workPath } from './paths.js';
import { StepFailure, type StepRunner } from './step-types.js';

/** Removes everything in a working tree except `.git`, so the next steps write it from scratch. */
export const gitClear: StepRunner = async (raw, ctx) => {
  const cfg = parseConfig('git-clear', z.object({ path: z.string() }), raw);
  const dir = workPath(ctx.workDir, cfg.path);
  for (const name of await readdir(dir))
    if (name !== '.git') await rm(join(dir, name), { recursive: true, force: true });
  return { status: 'Succeeded' };
};

const CommitConfig = z.object({
  path: z.string(),
  message: z.string().optional(),
  messageFromSteps: z.array(z.string()).optional(),
  author: z.object({ name: z.string().optional(), email: z.string().optional() }).optional(),
});

/** Commits all changes in a working tree; with nothing to commit it reports the current commit. */
export const gitCommit: StepRunner = async (raw, ctx) => {
  const cfg = parseConfig('git-commit', CommitConfig, raw);
  const dir = workPath(ctx.workDir, cfg.path);
  await git(['add', '--all'], { cwd: dir });
  const changed = (await git(['status', '--porcelain'], { cwd: dir })).trim() !== '';
  if (changed) {
    const message = cfg.message || `Promotion ${ctx.promotion} to ${ctx.stage}`;
    const author =
      cfg.author?.name && cfg.author.email
        ? ['--author', `${cfg.author.name} <${cfg.author.email}>`]
        : [];
    await git(['commit', '--quiet', '-m', message, ...author], { cwd: dir });
  }
  const commit = (await git(['rev-parse', 'HEAD'], { cwd: dir }).catch(() => '')).trim();
  if (!commit)
    throw new StepFailure(`nothing to commit in "${cfg.path}" and it has no commits yet`);
  return { status: 'Succeeded', output: { commit } };
};

const PushConfig = z.object({
  path: z.string(),
  targetBranch: z.string().optional(),
  generateTargetBranch: z.boolean().optional(),
  force: z.boolean().optional(),
});

/** Pushes the working tree's HEAD to a branch of the repository it was cloned from. */
export const gitPush: StepRunner = async (raw, ctx) => {
  const cfg = parseConfig('git-push', PushConfig, raw);
  const dir = workPath(ctx.workDir, cfg.path);
  let branch = cfg.targetBranch;
  if (!branch && cfg.generateTargetBranch) branch = `kargo/promotion/${ctx.promotion}`;
  if (!branch)
    branch = (
      await git(['symbolic-ref', '--quiet', '--short', 'HEAD'], { cwd: dir }).catch(() => '')
    ).trim();
  if (!branch)
    throw new StepFailure('the working tree has no branch checked out; set config.targetBranch');
  const remote = (await git(['remote', 'get-url', 'origin'], { cwd: dir })).trim();
  const args = [
    'push',
    '--quiet',
    ...(cfg.force ? ['--force'] : []),
    'origin',
    `HEAD:refs/heads/${branch}`,
  ];
  const access = await ctx.gitAccess(remote);
  await git(args, { cwd: dir, env: access.env }).catch((err: unknown) => {
    throw explainGitFailure(err, remote, ctx.project, access);
  });
  const commit = (await git(['rev-parse', 'HEAD'], { cwd: dir })).trim();
  return { status: 'Succeeded', output: { branch, commit } };
};
