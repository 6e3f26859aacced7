import { join, resolve } from 'node:path';

/**
 * Repositories of the embedded cluster are served under this host name, so their URLs are the
 * https URLs real Kargo's CRDs accept; git rewrites them to local paths (`url.<base>.insteadOf`)
 * and never touches the network. `.invalid` can never resolve.
 */
export const LOCAL_GIT_HOST = 'git.wharf.invalid';
export const LOCAL_GIT_BASE = `https://${LOCAL_GIT_HOST}/`;

/** The https URL of a repository directory under the local git root. */
export const localGitURL = (name: string) => `${LOCAL_GIT_BASE}${name}`;

/**
 * Git config entries, as env, that map the local host onto a directory. The path is made absolute:
 * in `file://.wharf/…` git would read `.wharf` as a host (the default data dir is relative).
 */
export function localGitConfig(root: string): [string, string][] {
  return [[`url.file://${join(resolve(root), '/')}.insteadOf`, LOCAL_GIT_BASE]];
}

/** Env that sets git config entries (GIT_CONFIG_COUNT/KEY_n/VALUE_n). */
export function gitConfigEnv(entries: [string, string][]): Record<string, string> {
  const env: Record<string, string> = { GIT_CONFIG_COUNT: String(entries.length) };
  entries.forEach(([k, v], i) => {
    env[`GIT_CONFIG_KEY_${i}`] = k;
    env[`GIT_CONFIG_VALUE_${i}`] = v;
  });
  return env;
}
