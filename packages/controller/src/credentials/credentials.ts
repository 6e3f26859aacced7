import type { V1Secret } from '@kubernetes/client-node';
import { normalizeChartCredentialUrl, normalizeGitUrl, normalizeImageUrl } from '@wharf/shared';
import { LABEL_CRED_TYPE } from '../kargo/constants.js';
import { goRegexpOrUndefined } from '../kargo/go-patterns.js';
import type { KubeClients } from '../kube/clients.js';

export type CredentialType = 'git' | 'helm' | 'image';

export interface RepoCredentials {
  username: string;
  password: string;
  /** `<namespace>/<name>` of the Secret they came from, for messages. */
  secret: string;
}

/** Where Kargo's Helm chart installs credentials every project may use. */
export const SHARED_RESOURCES_NAMESPACE = 'kargo-shared-resources';

const NORMALIZE: Record<CredentialType, (url: string) => string> = {
  git: normalizeGitUrl,
  image: normalizeImageUrl,
  helm: normalizeChartCredentialUrl,
};

const text = (s: V1Secret, key: string) => {
  const b64 = s.data?.[key];
  return b64 === undefined ? undefined : Buffer.from(b64, 'base64').toString('utf8');
};

/** Kargo's match: exact after normalization, or `repoURLIsRegex` against the URL as written or normalized. */
function matches(s: V1Secret, type: CredentialType, repoURL: string): boolean {
  const pattern = text(s, 'repoURL');
  if (pattern === undefined) return false;
  const normalized = NORMALIZE[type](repoURL);
  if (text(s, 'repoURLIsRegex') !== 'true') return NORMALIZE[type](pattern) === normalized;
  // A regexp Go cannot compile matches nothing (Kargo logs it and moves on).
  const test = goRegexpOrUndefined(pattern);
  return !!test && (test(repoURL) || test(normalized));
}

async function findIn(
  clients: KubeClients,
  namespace: string,
  type: CredentialType,
  repoURL: string,
): Promise<V1Secret | undefined> {
  const list = await clients.core
    .listNamespacedSecret({ namespace, labelSelector: `${LABEL_CRED_TYPE}=${type}` })
    .catch((err: unknown) => {
      if ((err as { code?: number }).code === 404) return { items: [] as V1Secret[] };
      throw err;
    });
  return [...list.items]
    .sort((a, b) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''))
    .find((s) => matches(s, type, repoURL));
}

/** Credentials for a repository of a project, or undefined when none is usable. */
export type FindCredentials = (
  namespace: string,
  type: CredentialType,
  repoURL: string,
) => Promise<RepoCredentials | undefined>;

/**
 * Credentials for a repository as Kargo finds them: Secrets labelled
 * `kargo.akuity.io/cred-type: <type>` in the project namespace, then in the shared-resources
 * namespace (Kargo's SHARED_RESOURCES_NAMESPACE), by name order; a username and a password, both
 * non-empty. Never sent over plain http://.
 */
export function credentialFinder(
  clients: KubeClients,
  sharedNamespace = SHARED_RESOURCES_NAMESPACE,
): FindCredentials {
  return async (namespace, type, repoURL) => {
    if (repoURL.startsWith('http://')) return undefined;
    for (const ns of [namespace, sharedNamespace]) {
      const secret = await findIn(clients, ns, type, repoURL);
      if (!secret) continue;
      const username = text(secret, 'username') ?? '';
      const password = text(secret, 'password') ?? '';
      if (!username || !password) return undefined;
      return { username, password, secret: `${ns}/${secret.metadata?.name ?? ''}` };
    }
    return undefined;
  };
}
