import type { FindCredentials } from '../credentials/credentials.js';
import { gitConfigEnv, LOCAL_GIT_BASE, localGitConfig } from './local-host.js';

export interface GitAccess {
  env: Record<string, string>;
  /** The Secret whose credentials git was given, when one matched. */
  secret?: string;
}

/**
 * How git reaches one repository: the local-host rewrite, TLS verification off when the
 * subscription or step says `insecureSkipTLSVerify`, and http basic credentials from the project's
 * `cred-type: git` Secrets (see findCredentials).
 */
export async function gitAccess(
  findCredentials: FindCredentials,
  namespace: string,
  repoURL: string,
  localRoot: string,
  opts: { insecureSkipTLSVerify?: boolean } = {},
): Promise<GitAccess> {
  const entries = localGitConfig(localRoot);
  if (opts.insecureSkipTLSVerify) entries.push(['http.sslVerify', 'false']);
  if (!/^https:/i.test(repoURL) || repoURL.startsWith(LOCAL_GIT_BASE))
    return { env: gitConfigEnv(entries) };
  const creds = await findCredentials(namespace, 'git', repoURL);
  if (!creds) return { env: gitConfigEnv(entries) };
  const basic = Buffer.from(`${creds.username}:${creds.password}`).toString('base64');
  entries.push(['http.extraHeader', `Authorization: Basic ${basic}`]);
  return { env: gitConfigEnv(entries), secret: creds.secret };
}

const REFUSED =
  /could not read Username|Authentication failed|terminal prompts disabled|returned error: 40[13]/i;

/** Says what to do when a server refused git: add a credential, or fix the one that matched. */
export function explainGitFailure(
  err: unknown,
  repoURL: string,
  namespace: string,
  access: GitAccess,
): Error {
  const message = err instanceof Error ? err.message : String(err);
  if (!REFUSED.test(message)) return err instanceof Error ? err : new Error(message);
  const hint = access.secret
    ? `the credentials in Secret "${access.secret}" were refused; correct its username and password`
    : `no Secret labelled kargo.akuity.io/cred-type=git in project "${namespace}" matches ${repoURL}; add git credentials for it`;
  return new Error(`${repoURL} requires authentication: ${hint} (${message})`);
}
