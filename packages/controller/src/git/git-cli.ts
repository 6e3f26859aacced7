import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { LOCAL_GIT_HOST } from './local-host.js';

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

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Local paths, file:// URLs and loopback http(s) only: the embedded cluster never reaches out. */
export function reachability(url: string): { ok: true } | { ok: false; message: string } {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !/^[^/]+@[^:]+:/.test(url)) return { ok: true };
  try {
    const u = new URL(url);
    if (u.protocol === 'file:' || (u.protocol === 'https:' && u.hostname === LOCAL_GIT_HOST))
      return { ok: true };
    if ((u.protocol === 'http:' || u.protocol === 'https:') && LOOPBACK.has(u.hostname))
      return { ok: true };
  } catch {
    /* falls through to the refusal below */
  }
  return {
    ok: false,
    message: `"${url}" is not reachable from the embedded cluster, which only reads local paths, file:// URLs and loopback addresses; point Wharf at a real cluster running Kargo to use it`,
  };
}
