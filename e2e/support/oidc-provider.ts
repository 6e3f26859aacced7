import { startOidcProvider, type TestAccount, type TestOidcProvider } from '@wharf/test-support';

/** The users the e2e specs sign in as through single sign-on (they type the email). */
export const OIDC_USERS: TestAccount[] = [
  { email: 'qa@example.com', groups: ['qa-team'] },
  { email: 'dev@example.com', groups: ['developers'] },
  /** Her ID tokens live 20 s: her sessions must refresh silently to last. */
  { email: 'brief@example.com', groups: ['brief-team'], idTokenTtl: 20 },
];

export const OIDC_CLIENT_ID = 'wharf-e2e';
export const OIDC_CLIENT_SECRET = 'e2e-client-secret-not-secret';

/** The shared test OpenID Provider, with the e2e users and a confidential client for `appUrl`. */
export function startE2eOidcProvider(appUrl: string): Promise<TestOidcProvider> {
  return startOidcProvider({
    clients: [{ clientId: OIDC_CLIENT_ID, clientSecret: OIDC_CLIENT_SECRET, appUrl }],
    accounts: Object.fromEntries(OIDC_USERS.map((u) => [u.email, u])),
  });
}
