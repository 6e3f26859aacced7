import { setTimeout as sleep } from 'node:timers/promises';
import type { V1Secret } from '@kubernetes/client-node';
import type { ApiToken, CreatedApiToken } from '@wharf/shared/api';
import type { IdentityCaller } from '../identity/callers.js';
import { ConflictError, NotFoundError, TokenNotIssuedError } from '../identity/http-errors.js';
import { API_TOKEN_LABEL, SA_NAME_ANNOTATION } from './kargo-annotations.js';
import { check, coreAs } from './kube-as-caller.js';
import { readRoleObjects } from './role-reader.js';

const isTokenOf = (s: V1Secret, role: string) =>
  s.type === 'kubernetes.io/service-account-token' &&
  s.metadata?.labels?.[API_TOKEN_LABEL] === 'true' &&
  s.metadata.annotations?.[SA_NAME_ANNOTATION] === role;

const view = (s: V1Secret, role: string): ApiToken => {
  const created = s.metadata?.creationTimestamp;
  return {
    name: s.metadata?.name ?? '',
    role,
    ...(created ? { createdAt: new Date(created).toISOString() } : {}),
  };
};

export async function listTokens(
  caller: IdentityCaller,
  ns: string,
  role: string,
): Promise<ApiToken[]> {
  const core = await coreAs(caller, check('list', 'secrets', ns));
  const list = await core.listNamespacedSecret({
    namespace: ns,
    labelSelector: `${API_TOKEN_LABEL}=true`,
  });
  return list.items.filter((s) => isTokenOf(s, role)).map((s) => view(s, role));
}

/**
 * Creates a ServiceAccount token Secret owned by the role's ServiceAccount, waits for Kubernetes'
 * token controller to fill it, and answers the token this once.
 */
export async function createToken(
  caller: IdentityCaller,
  ns: string,
  role: string,
  name: string,
  waitMs = 10_000,
): Promise<CreatedApiToken> {
  const { serviceAccount: sa } = await readRoleObjects(caller, ns, role);
  const creator = await coreAs(caller, check('create', 'secrets', ns));
  const reader = await coreAs(caller, check('get', 'secrets', ns, name));
  const uid = sa.metadata?.uid;
  const body: V1Secret = {
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'kubernetes.io/service-account-token',
    metadata: {
      name,
      namespace: ns,
      labels: { [API_TOKEN_LABEL]: 'true' },
      annotations: { [SA_NAME_ANNOTATION]: role },
      ...(uid
        ? { ownerReferences: [{ apiVersion: 'v1', kind: 'ServiceAccount', name: role, uid }] }
        : {}),
    },
  };
  const created = await creator
    .createNamespacedSecret({ namespace: ns, body })
    .catch((err: unknown) => {
      if (typeof err === 'object' && err !== null && 'code' in err && err.code === 409) {
        throw new ConflictError(
          `A Secret named "${name}" already exists in project ${ns}; pick another token name.`,
        );
      }
      throw err;
    });
  for (const started = Date.now(); Date.now() - started < waitMs; await sleep(100)) {
    const s = await reader.readNamespacedSecret({ name, namespace: ns });
    const token = s.data?.token;
    if (token) return { ...view(s, role), token: Buffer.from(token, 'base64').toString('utf8') };
  }
  return Promise.reject(
    new TokenNotIssuedError(
      `Kubernetes did not fill token Secret "${created.metadata?.name ?? name}" in time; delete it and retry.`,
    ),
  );
}

export async function deleteToken(
  caller: IdentityCaller,
  ns: string,
  role: string,
  name: string,
): Promise<void> {
  const reader = await coreAs(caller, check('get', 'secrets', ns, name));
  const s = await reader.readNamespacedSecret({ name, namespace: ns }).catch(() => undefined);
  if (!s || !isTokenOf(s, role))
    throw new NotFoundError(`Role "${role}" has no API token "${name}".`);
  const core = await coreAs(caller, check('delete', 'secrets', ns, name));
  await core.deleteNamespacedSecret({ name, namespace: ns });
}
