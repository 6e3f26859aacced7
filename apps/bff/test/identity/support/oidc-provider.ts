import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

export interface TestAccount {
  email: string;
  groups: string[];
}

export interface TestIdp {
  issuer: string;
  /** Accounts by subject; edit one to change what the next token says. */
  accounts: Map<string, TestAccount>;
  /** The subject the next authorization request signs in as (the test's "user at the keyboard"). */
  loginAs(sub: string): void;
  close(): Promise<void>;
}

/**
 * A real OpenID Provider (`oidc-provider`) on loopback, port 0. Its login page signs in whoever
 * the test chose with `loginAs` and grants what was asked, so the code flow runs end to end.
 */
export async function startTestIdp(opts: {
  redirectUri: string;
  postLogoutRedirectUri: string;
  idTokenTtl?: number;
}): Promise<TestIdp> {
  const server: Server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, TestAccount>();
  let nextLogin = '';
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'test' };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'wharf',
        token_endpoint_auth_method: 'none',
        redirect_uris: [opts.redirectUri],
        post_logout_redirect_uris: [opts.postLogoutRedirectUri],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ['test-cookie-key'] },
    claims: { openid: ['sub'], email: ['email'], groups: ['groups'] },
    scopes: ['openid', 'email', 'groups', 'offline_access', 'profile'],
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    issueRefreshToken: () => true,
    ttl: {
      IdToken: opts.idTokenTtl ?? 3600,
      AccessToken: 3600,
      RefreshToken: 86400,
      Interaction: 600,
      Grant: 86400,
      Session: 86400,
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, email: account.email, groups: account.groups }),
      };
    },
  });
  const callback = provider.callback();

  server.on('request', (req, res) => {
    const url = req.url ?? '';
    if (!url.startsWith('/interaction/')) return callback(req, res);
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      const clientId = String(details.params.client_id);
      const grant = new provider.Grant({ accountId: nextLogin, clientId });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: nextLogin }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
    })().catch((err: unknown) => {
      res.statusCode = 500;
      res.end(String(err));
    });
  });

  return {
    issuer,
    accounts,
    loginAs: (sub) => {
      nextLogin = sub;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
