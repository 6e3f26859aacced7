import type {
  CredentialCreateRequest,
  CredentialReplaceRequest,
  CredentialType,
} from '@wharf/shared/authoring';

export interface CredentialDraft {
  name: string;
  type: CredentialType;
  repoURL: string;
  repoURLIsRegex: boolean;
  username: string;
  password: string;
  description: string;
  /** Generic secrets: `key=value` lines. */
  data: string;
}

export const emptyCredential = (type: CredentialType = 'git', repoURL = ''): CredentialDraft => ({
  name: '',
  type,
  repoURL,
  repoURLIsRegex: false,
  username: '',
  password: '',
  description: '',
  data: '',
});

const parseData = (text: string) =>
  Object.fromEntries(
    text
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')).trim(), l.slice(l.indexOf('=') + 1)]),
  );

/** The request a draft makes; values go out once, to the BFF, and never come back. */
export function createRequest(d: CredentialDraft): CredentialCreateRequest {
  const description = d.description ? { description: d.description } : {};
  return d.type === 'generic'
    ? { name: d.name, type: 'generic', data: parseData(d.data), ...description }
    : {
        name: d.name,
        type: d.type,
        repoURL: d.repoURL,
        ...(d.repoURLIsRegex ? { repoURLIsRegex: true } : {}),
        username: d.username,
        password: d.password,
        ...description,
      };
}

export function replaceRequest(d: CredentialDraft): CredentialReplaceRequest {
  const description = d.description ? { description: d.description } : {};
  return d.type === 'generic'
    ? { type: 'generic', data: parseData(d.data), ...description }
    : {
        type: d.type,
        repoURL: d.repoURL,
        ...(d.repoURLIsRegex ? { repoURLIsRegex: true } : {}),
        ...(d.username ? { username: d.username } : {}),
        ...(d.password ? { password: d.password } : {}),
        ...description,
      };
}
