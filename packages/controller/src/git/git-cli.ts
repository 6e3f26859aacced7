import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface GitIdentity {
  name: string;
  email: string;
}

export const DEFAULT_IDENTITY: GitIdentity = {
  name: 'Kargo (Wharf embedded)',
  email: 'kargo@wharf.invalid',
};

export class GitError extends Error {}

/** Runs the git CLI without prompts; stderr becomes the error message. */
export async function git(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string>; identity?: GitIdentity } = {},
): Promise<string> {
  const id = opts.identity ?? DEFAULT_IDENTITY;
  try {
    const { stdout } = await run('git', args, {
      cwd: opts.cwd,
      maxBuffer: 64 * 1024 * 1024,
      env: {
        ...process.env,
        GIT_TERMINAL_PROMPT: '0',
        // A dead connection fails after 30 s of silence instead of hanging a reconcile.
        GIT_HTTP_LOW_SPEED_LIMIT: '1',
        GIT_HTTP_LOW_SPEED_TIME: '30',
        GIT_AUTHOR_NAME: id.name,
        GIT_AUTHOR_EMAIL: id.email,
        GIT_COMMITTER_NAME: id.name,
        GIT_COMMITTER_EMAIL: id.email,
        ...opts.env,
      },
    });
    return stdout;
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr?.trim();
    throw new GitError(
      `git ${args[0] ?? ''} failed: ${stderr || (err instanceof Error ? err.message : String(err))}`,
    );
  }
}
