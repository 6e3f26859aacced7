import { normalizeGitUrl } from '@wharf/shared';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { explainGitFailure } from '../git/credentials.js';
import { git } from '../git/git-cli.js';
import { parseConfig } from './parse-config.js';
import { workPath } from './paths.js';
import { StepFailure, type StepContext, type StepRunner } from './step-types.js';

const Config = z.object({
  repoURL: z.string().min(1),
  insecureSkipTLSVerify: z.boolean().optional(),
  checkout: z
    .array(
      z.object({
        branch: z.string().optional(),
        tag: z.string().optional(),
        commit: z.string().optional(),
        fromFreight: z.boolean().optional(),
        fromOrigin: z.object({ kind: z.string(), name: z.string() }).optional(),
        create: z.boolean().optional(),
        path: z.string().min(1),
      }),
    )
    .min(1),
});
type Checkout = z.infer<typeof Config>['checkout'][number];

function freightCommit(ctx: StepContext, repoURL: string, c: Checkout): string {
  const repo = normalizeGitUrl(repoURL);
  const commits = ctx.freight
    .filter((f) => !c.fromOrigin || f.origin?.name === c.fromOrigin.name)
    .flatMap((f) => f.commits ?? [])
    .filter((x) => normalizeGitUrl(x.repoURL ?? '') === repo);
  const id = commits[0]?.id;
  if (!id) throw new StepFailure(`the Freight being promoted has no commit from "${repoURL}"`);
  return id;
}

async function branchExists(bare: string, branch: string): Promise<boolean> {
  try {
    await git(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`], { cwd: bare });
    return true;
  } catch {
    return false;
  }
}

async function addWorktree(
  bare: string,
  path: string,
  c: Checkout,
  ctx: StepContext,
  repoURL: string,
) {
  await rm(path, { recursive: true, force: true });
  await git(['worktree', 'prune'], { cwd: bare });
  if (c.branch) {
    if (await branchExists(bare, c.branch))
      return git(['worktree', 'add', '--force', path, c.branch], { cwd: bare });
    if (!c.create)
      throw new StepFailure(
        `branch "${c.branch}" does not exist in "${repoURL}"; set create: true to start it`,
      );
    await git(['worktree', 'add', '--force', '--detach', path], { cwd: bare });
    await git(['checkout', '--quiet', '--orphan', c.branch], { cwd: path });
    return git(['rm', '-r', '--quiet', '--force', '--ignore-unmatch', '.'], { cwd: path });
  }
  const ref = c.tag ? `refs/tags/${c.tag}` : (c.commit ?? freightCommit(ctx, repoURL, c));
  return git(['worktree', 'add', '--force', '--detach', path, ref], { cwd: bare });
}

/** Clones the repository once (bare) and checks out each requested ref as a worktree at its path. */
export const gitClone: StepRunner = async (raw, ctx) => {
  const cfg = parseConfig('git-clone', Config, raw);
  const bare = join(ctx.workDir, '.repos', createHash('sha1').update(cfg.repoURL).digest('hex'));
  if (!existsSync(bare)) {
    await mkdir(join(ctx.workDir, '.repos'), { recursive: true });
    const access = await ctx.gitAccess(cfg.repoURL, cfg);
    await git(['clone', '--quiet', '--bare', cfg.repoURL, bare], { env: access.env }).catch(
      (err: unknown) => {
        throw explainGitFailure(err, cfg.repoURL, ctx.project, access);
      },
    );
    // Later steps (git-push) talk to the same server: keep its TLS setting with the clone.
    if (cfg.insecureSkipTLSVerify) await git(['config', 'http.sslVerify', 'false'], { cwd: bare });
    await git(['config', 'remote.origin.fetch', '+refs/heads/*:refs/remotes/origin/*'], {
      cwd: bare,
    });
  }
  const commits: Record<string, string> = {};
  for (const c of cfg.checkout) {
    if (c.fromFreight && !c.fromOrigin && !c.commit) c.commit = freightCommit(ctx, cfg.repoURL, c);
    const path = workPath(ctx.workDir, c.path, 'checkout.path');
    await addWorktree(bare, path, c, ctx, cfg.repoURL);
    commits[c.path] = (
      await git(['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd: path }).catch(() => '')
    ).trim();
  }
  return { status: 'Succeeded', output: { commits } };
};
