import { LABEL_CRED_TYPE } from '../kargo/constants.js';
import type { KubeClients } from '../kube/clients.js';
import { normalizeGitURL } from '../freight/freight-name.js';

const decode = (b64: string | undefined) =>
  b64 ? Buffer.from(b64, 'base64').toString('utf8') : undefined;

/**
 * Git credentials for a repository from Secrets labelled `kargo.akuity.io/cred-type: git` in the
 * project namespace (exact `repoURL`, or `repoURLIsRegex: "true"`), as env for git's http auth.
 */
export async function gitCredentialEnv(
  clients: KubeClients,
  namespace: string,
  repoURL: string,
): Promise<Record<string, string>> {
  if (!/^https?:/i.test(repoURL)) return {};
  const list = await clients.core.listNamespacedSecret({
    namespace,
    labelSelector: `${LABEL_CRED_TYPE}=git`,
  });
  for (const s of list.items) {
    const url = decode(s.data?.repoURL) ?? '';
    const isRegex = decode(s.data?.repoURLIsRegex) === 'true';
    const match = isRegex
      ? new RegExp(url).test(repoURL)
      : normalizeGitURL(url) === normalizeGitURL(repoURL);
    if (!match) continue;
    const user = decode(s.data?.username) ?? '';
    const pass = decode(s.data?.password) ?? '';
    const basic = Buffer.from(`${user}:${pass}`).toString('base64');
    return {
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'http.extraHeader',
      GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}`,
    };
  }
  return {};
}
