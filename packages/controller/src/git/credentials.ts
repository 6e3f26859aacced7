import { normalizeGitUrl } from '@wharf/shared';
import { LABEL_CRED_TYPE } from '../kargo/constants.js';
import type { KubeClients } from '../kube/clients.js';
import { gitConfigEnv, LOCAL_GIT_BASE, localGitConfig } from './local-host.js';

const decode = (b64: string | undefined) =>
  b64 ? Buffer.from(b64, 'base64').toString('utf8') : undefined;

/**
 * Env for git about one repository: the local-host rewrite, plus http credentials from Secrets
 * labelled `kargo.akuity.io/cred-type: git` in the project namespace (exact `repoURL`, or
 * `repoURLIsRegex: "true"`).
 */
export async function gitCredentialEnv(
  clients: KubeClients,
  namespace: string,
  repoURL: string,
  localRoot: string,
): Promise<Record<string, string>> {
  const entries = localGitConfig(localRoot);
  if (!/^https?:/i.test(repoURL) || repoURL.startsWith(LOCAL_GIT_BASE))
    return gitConfigEnv(entries);
  const list = await clients.core.listNamespacedSecret({
    namespace,
    labelSelector: `${LABEL_CRED_TYPE}=git`,
  });
  for (const s of list.items) {
    const url = decode(s.data?.repoURL) ?? '';
    const isRegex = decode(s.data?.repoURLIsRegex) === 'true';
    const match = isRegex
      ? new RegExp(url).test(repoURL)
      : normalizeGitUrl(url) === normalizeGitUrl(repoURL);
    if (!match) continue;
    const basic = Buffer.from(
      `${decode(s.data?.username) ?? ''}:${decode(s.data?.password) ?? ''}`,
    ).toString('base64');
    entries.push(['http.extraHeader', `Authorization: Basic ${basic}`]);
    break;
  }
  return gitConfigEnv(entries);
}
