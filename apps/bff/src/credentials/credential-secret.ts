import { ANNOTATIONS } from '@wharf/shared';
import {
  CRED_TYPE_LABEL,
  CREDENTIAL_KEYS,
  CredentialTypeSchema,
  type CredentialCreateRequest,
  type CredentialReplaceRequest,
  type CredentialView,
} from '@wharf/shared/authoring';
import { InputError } from '../errors/http-errors.js';

/** The parts of a core/v1 Secret this module reads. Values stay base64 and never leave the BFF. */
export interface SecretObject {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    resourceVersion?: string;
    uid?: string;
    creationTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    managedFields?: { time?: string }[];
  };
  type?: string;
  data?: Record<string, string>;
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const unb64 = (s: string | undefined) =>
  s === undefined ? undefined : Buffer.from(s, 'base64').toString('utf8');

function newest(times: (string | undefined)[]): string | undefined {
  return times
    .filter((t): t is string => !!t)
    .sort()
    .at(-1);
}

/** A credential as the browser may see it: which kind, for which URLs, when changed; no values. */
export function toCredentialView(s: SecretObject): CredentialView | undefined {
  const type = CredentialTypeSchema.safeParse(s.metadata.labels?.[CRED_TYPE_LABEL]);
  if (!type.success) return undefined;
  const data = s.data ?? {};
  const repoURL = type.data === 'generic' ? undefined : unb64(data[CREDENTIAL_KEYS.repoURL]);
  const description = s.metadata.annotations?.[ANNOTATIONS.description];
  const updatedAt = newest([
    s.metadata.creationTimestamp,
    ...(s.metadata.managedFields ?? []).map((m) => m.time),
  ]);
  return {
    name: s.metadata.name,
    namespace: s.metadata.namespace ?? '',
    type: type.data,
    ...(repoURL !== undefined ? { repoURL } : {}),
    repoURLIsRegex: unb64(data[CREDENTIAL_KEYS.repoURLIsRegex]) === 'true',
    ...(description ? { description } : {}),
    keys: Object.keys(data).sort(),
    ...(s.metadata.creationTimestamp ? { createdAt: s.metadata.creationTimestamp } : {}),
    ...(updatedAt ? { updatedAt } : {}),
  };
}

function checkPattern(repoURL: string, isRegex: boolean | undefined): void {
  if (!isRegex) return;
  try {
    new RegExp(repoURL);
  } catch (err) {
    throw new InputError(
      `repoURL is not a valid regular expression: ${err instanceof Error ? err.message : String(err)}`,
      { causes: [{ field: 'repoURL', message: 'not a valid regular expression' }] },
    );
  }
}

type Input = CredentialCreateRequest | CredentialReplaceRequest;

/** Secret `data` for a credential, as Kargo reads it; `previous` supplies values left out. */
function dataFor(input: Input, previous: Record<string, string> = {}): Record<string, string> {
  if (input.type === 'generic') {
    const keep = 'keep' in input ? (input.keep ?? []) : [];
    const kept = Object.fromEntries(
      keep.flatMap((k) => (previous[k] !== undefined ? [[k, previous[k]] as const] : [])),
    );
    const data = {
      ...kept,
      ...Object.fromEntries(Object.entries(input.data).map(([k, v]) => [k, b64(v)])),
    };
    if (Object.keys(data).length === 0)
      throw new InputError('A generic secret needs at least one key.');
    return data;
  }
  checkPattern(input.repoURL, input.repoURLIsRegex);
  const username =
    input.username !== undefined ? b64(input.username) : previous[CREDENTIAL_KEYS.username];
  const password =
    input.password !== undefined ? b64(input.password) : previous[CREDENTIAL_KEYS.password];
  if (!username || !password)
    throw new InputError('A repository credential needs a username and a password.', {
      causes: [
        ...(!username ? [{ field: 'username', message: 'required' }] : []),
        ...(!password ? [{ field: 'password', message: 'required' }] : []),
      ],
    });
  return {
    [CREDENTIAL_KEYS.repoURL]: b64(input.repoURL),
    ...(input.repoURLIsRegex ? { [CREDENTIAL_KEYS.repoURLIsRegex]: b64('true') } : {}),
    [CREDENTIAL_KEYS.username]: username,
    [CREDENTIAL_KEYS.password]: password,
  };
}

/** A new credential Secret, labelled and shaped as Kargo's own API writes them. */
export function secretFor(namespace: string, input: CredentialCreateRequest): SecretObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: input.name,
      namespace,
      labels: { [CRED_TYPE_LABEL]: input.type },
      ...(input.description
        ? { annotations: { [ANNOTATIONS.description]: input.description } }
        : {}),
    },
    type: 'Opaque',
    data: dataFor(input),
  };
}

/** The stored Secret with the credential replaced; other labels and annotations are kept. */
export function replacedSecret(
  current: SecretObject,
  input: CredentialReplaceRequest,
): SecretObject {
  const { [ANNOTATIONS.description]: _old, ...others } = current.metadata.annotations ?? {};
  const annotations = input.description
    ? { ...others, [ANNOTATIONS.description]: input.description }
    : others;
  const { managedFields: _mf, ...metadata } = current.metadata;
  return {
    ...current,
    metadata: {
      ...metadata,
      labels: { ...current.metadata.labels, [CRED_TYPE_LABEL]: input.type },
      annotations,
    },
    data: dataFor(input, current.data),
  };
}
