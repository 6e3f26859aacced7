import {
  CRED_TYPE_LABEL,
  type CredentialCreateRequest,
  type CredentialList,
  type CredentialReplaceRequest,
  type CredentialView,
} from '@wharf/shared/authoring';
import type { AccessCheck, Caller } from '../access/caller.js';
import { clientActingFor, requireAccess } from '../access/require.js';
import { NotFoundError, UpstreamError } from '../errors/http-errors.js';
import { KubeApiError } from '../kube/kube-api-error.js';
import type { KubeClient } from '../kube/kube-client.js';
import { corePath } from '../kube/paths.js';
import {
  replacedSecret,
  secretFor,
  toCredentialView,
  type SecretObject,
} from './credential-secret.js';

const secretsCheck = (verb: string, namespace: string, name?: string): AccessCheck => ({
  verb,
  group: '',
  resource: 'secrets',
  namespace,
  ...(name ? { name } : {}),
});

function viewOrFail(s: SecretObject): CredentialView {
  const view = toCredentialView(s);
  if (!view) throw new UpstreamError('Kubernetes answered with a Secret that is not a credential.');
  return view;
}

/** Only Secrets labelled as Kargo credentials are reachable here; any other Secret is "not found". */
async function credentialSecret(
  client: KubeClient,
  ns: string,
  name: string,
): Promise<SecretObject> {
  const notFound = new NotFoundError(`There is no credential "${name}" in namespace "${ns}".`);
  const s = (await client.get(corePath('secrets', ns, name)).catch((err: unknown) => {
    throw err instanceof KubeApiError && err.status === 404 ? notFound : err;
  })) as SecretObject;
  if (!s.metadata.labels?.[CRED_TYPE_LABEL]) throw notFound;
  return s;
}

/**
 * Credentials of a namespace (a project's, or Kargo's shared one), read as the caller. Values
 * are read by Kubernetes' rules but never put into an answer: only names, URLs, keys and times.
 */
export async function listCredentials(caller: Caller, ns: string): Promise<CredentialList> {
  const client = await clientActingFor(caller, secretsCheck('list', ns));
  const list = (await client
    .get(`${corePath('secrets', ns)}?labelSelector=${encodeURIComponent(CRED_TYPE_LABEL)}`)
    .catch((err: unknown) => {
      if (err instanceof KubeApiError && err.status === 404) return { items: [] };
      throw err;
    })) as { items?: SecretObject[] };
  const items = (list.items ?? [])
    .map(toCredentialView)
    .filter((v): v is CredentialView => v !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name));
  return { namespace: ns, items };
}

export async function createCredential(
  caller: Caller,
  ns: string,
  input: CredentialCreateRequest,
  opts: { dryRun?: boolean } = {},
): Promise<CredentialView> {
  const client = await clientActingFor(caller, secretsCheck('create', ns));
  const created = (await client.create(
    `${corePath('secrets', ns)}?fieldManager=wharf${opts.dryRun ? '&dryRun=All' : ''}`,
    secretFor(ns, input),
  )) as SecretObject;
  return viewOrFail(created);
}

/** Replaces a credential at the version read just before (a concurrent change is a 409). */
export async function replaceCredential(
  caller: Caller,
  ns: string,
  name: string,
  input: CredentialReplaceRequest,
): Promise<CredentialView> {
  const client = await clientActingFor(caller, secretsCheck('update', ns, name));
  await requireAccess(caller, secretsCheck('get', ns, name));
  const current = await credentialSecret(client, ns, name);
  const updated = (await client.replace(
    `${corePath('secrets', ns, name)}?fieldManager=wharf`,
    replacedSecret(current, input),
  )) as SecretObject;
  return viewOrFail(updated);
}

export async function deleteCredential(
  caller: Caller,
  ns: string,
  name: string,
): Promise<CredentialView> {
  const client = await clientActingFor(caller, secretsCheck('delete', ns, name));
  await requireAccess(caller, secretsCheck('get', ns, name));
  const current = await credentialSecret(client, ns, name);
  await client.delete(corePath('secrets', ns, name), {
    preconditions: { uid: current.metadata.uid, resourceVersion: current.metadata.resourceVersion },
  });
  return viewOrFail(current);
}
