import { createHash } from 'node:crypto';
import type { V1Secret } from '@kubernetes/client-node';
import type { WebhookReceiverConfig } from '@wharf/shared';

// Kargo's external webhook receivers (pkg/webhook/external, v1.11): each ProjectConfig receiver
// names a provider and a Secret in the project namespace; the management controller publishes
// where the provider should send its requests in `status.webhookReceivers`.

export interface ReceiverDetails {
  name: string;
  path: string;
  url: string;
}

/** Per provider: the Secret key whose value makes the receiver's URL unguessable. */
const PROVIDERS: Record<string, { key: string; label: string }> = {
  artifactory: { key: 'secret-token', label: 'Artifactory' },
  azure: { key: 'secret', label: 'Azure' },
  bitbucket: { key: 'secret', label: 'Bitbucket' },
  dockerhub: { key: 'secret', label: 'DockerHub' },
  generic: { key: 'secret', label: 'Generic' },
  gitea: { key: 'secret', label: 'Gitea' },
  github: { key: 'secret', label: 'GitHub' },
  gitlab: { key: 'secret-token', label: 'GitLab' },
  harbor: { key: 'auth-header', label: 'Harbor' },
  quay: { key: 'secret', label: 'Quay.io' },
};

/** `<base path>/<provider>/<SHA-256 of project, receiver name and secret value>`, as Kargo builds it. */
export function receiverPath(
  basePath: string,
  provider: string,
  project: string,
  receiver: string,
  secretValue: string,
): string {
  const hash = createHash('sha256')
    .update(project + receiver + secretValue)
    .digest('hex');
  return `${basePath.replace(/\/+$/, '')}/${provider}/${hash}`;
}

/**
 * The details Kargo publishes for one receiver, or its error in Kargo's words. `readSecret`
 * answers undefined when the Secret does not exist.
 */
export async function receiverDetails(
  cfg: WebhookReceiverConfig,
  project: string,
  baseURL: string,
  readSecret: (name: string) => Promise<V1Secret | undefined>,
): Promise<ReceiverDetails> {
  const fail = (why: string) => new Error(`error syncing WebhookReceiver "${cfg.name}": ${why}`);
  const provider = Object.keys(PROVIDERS).find((p) => cfg[p] !== undefined);
  if (!provider)
    throw fail('error getting receiver factory: no webhook receiver is configured for it');
  const { key, label } = PROVIDERS[provider] ?? { key: '', label: '' };
  const secretName = String(
    (cfg[provider] as { secretRef?: { name?: string } }).secretRef?.name ?? '',
  );
  const secret = await readSecret(secretName);
  if (!secret)
    throw fail(
      `error getting Secret "${secretName}" in namespace "${project}": secrets "${secretName}" not found`,
    );
  const value = secret.data?.[key];
  if (value === undefined)
    throw fail(
      `error extracting secret values from Secret "${secretName}" in namespace "${project}": missing data key "${key}" for ${label} WebhookReceiver`,
    );
  const url = new URL(baseURL);
  url.pathname = receiverPath(
    url.pathname,
    provider,
    project,
    cfg.name,
    Buffer.from(value, 'base64').toString('utf8'),
  );
  return { name: cfg.name, path: url.pathname, url: url.toString() };
}
