import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { loginForm, readForm } from './oidc-login-form.js';

/** A person the test provider knows: signs in by email and carries these `groups`. */
export interface OidcTestUser {
  email: string;
  groups: string[];
}

/** The users the e2e specs sign in as through single sign-on. */
export const OIDC_USERS: OidcTestUser[] = [
  { email: 'qa@example.com', groups: ['qa-team'] },
  { email: 'dev@example.com', groups: ['developers'] },
];

export const OIDC_CLIENT_ID = 'wharf-e2e';
export const OIDC_CLIENT_SECRET = 'e2e-client-secret-not-secret';

export interface TestOidcProvider {
  issuer: string;
  close(): Promise<void>;
}

/**
 * A real OpenID Provider (`oidc-provider`) on loopback with its own small login form: the
 * browser types a known user's email, and the provider signs that user in and grants what the
 * app asked for, so the authorization code flow runs end to end as with a real provider.
 */
export async function startOidcProvider(appUrl: string): Promise<TestOidcProvider> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const users = new Map(OIDC_USERS.map((u) => [u.email, u]));
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), alg: 'RS256', use: 'sig', kid: 'e2e' };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT_ID,
        client_secret: OIDC_CLIENT_SECRET,
        token_endpoint_auth_method: 'client_secret_post',
        redirect_uris: [new URL('/api/v1/auth/oidc/callback', appUrl).href],
        post_logout_redirect_uris: [new URL('/login', appUrl).href],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ['e2e-provider-cookie-key'] },
    claims: { openid: ['sub'], email: ['email'], groups: ['groups'] },
    scopes: ['openid', 'email', 'groups', 'offline_access', 'profile'],
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    issueRefreshToken: () => true,
    ttl: {
      IdToken: 3600,
      AccessToken: 3600,
      RefreshToken: 86400,
      Interaction: 600,
      Grant: 86400,
      Session: 86400,
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const user = users.get(sub);
      if (!user) return undefined;
      return { accountId: sub, claims: () => ({ sub, email: user.email, groups: user.groups }) };
    },
  });
  const callback = provider.callback();

  const interact = async (req: IncomingMessage, res: ServerResponse) => {
    const details = await provider.interactionDetails(req, res);
    if (req.method !== 'POST') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      return void res.end(loginForm(details.uid));
    }
    const email = (await readForm(req)).get('email') ?? '';
    if (!users.has(email)) {
      res.statusCode = 401;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      return void res.end(loginForm(details.uid, `No test user ${email}.`));
    }
    const grant = new provider.Grant({
      accountId: email,
      clientId: String(details.params.client_id),
    });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: email }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  };

  server.on('request', (req, res) => {
    if (!(req.url ?? '').startsWith('/interaction/')) return void callback(req, res);
    interact(req, res).catch((err: unknown) => {
      res.statusCode = 500;
      res.end(err instanceof Error ? err.message : String(err));
    });
  });

  return {
    issuer,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
