import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** A person the test provider knows: signs in by subject (or by typing the email) with these groups. */
export interface TestAccount {
  email: string;
  groups: string[];
  /** Seconds this person's ID tokens live, overriding the provider's `idTokenTtl`. */
  idTokenTtl?: number;
}

/** One relying party registered with the provider: Wharf under the URL a test serves it at. */
export interface TestOidcClient {
  clientId: string;
  /** Omitted: a public client (PKCE only). */
  clientSecret?: string;
  /** Where Wharf is served, e.g. `https://127.0.0.1:8443/wharf/`: callback and logout are under it. */
  appUrl: string;
}

export interface TestOidcProvider {
  issuer: string;
  /** Accounts by subject; edit one to change what the next token says. */
  accounts: Map<string, TestAccount>;
  /**
   * The subject the next authorization signs in as, without a login page (an API test's "user at
   * the keyboard"). Unset (''): the provider shows its login form, where a browser types an email.
   */
  loginAs(sub: string): void;
  close(): Promise<void>;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The provider's sign-in page: one email field, posted back to the same interaction. */
function loginForm(uid: string, error?: string): string {
  return `<!doctype html>
<html lang="en"><head><title>Test identity provider</title></head>
<body><main>
<h1>Test identity provider</h1>
${error ? `<p role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${encodeURIComponent(uid)}">
<label for="email">Email</label> <input id="email" name="email" type="email" required>
<button type="submit">Continue</button>
</form>
</main></body></html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** Wharf's callback and post-logout URLs under the URL it is served at (a sub-path included). */
export function wharfRedirects(appUrl: string): {
  redirectUri: string;
  postLogoutRedirectUri: string;
} {
  const base = appUrl.endsWith('/') ? appUrl : `${appUrl}/`;
  return {
    redirectUri: new URL('api/v1/auth/oidc/callback', base).href,
    postLogoutRedirectUri: new URL('login', base).href,
  };
}

/**
 * A real OpenID Provider (`oidc-provider`) on loopback, port 0, for every test that signs in with
 * SSO: API tests pick the signed-in subject with `loginAs`; browsers type an email into its form.
 * It grants what the client asked for, so the authorization code flow runs end to end.
 */
export async function startOidcProvider(opts: {
  clients: TestOidcClient[];
  accounts?: Record<string, TestAccount>;
  idTokenTtl?: number;
}): Promise<TestOidcProvider> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, TestAccount>(Object.entries(opts.accounts ?? {}));
  let nextLogin = '';
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), alg: 'RS256', use: 'sig', kid: 'test' };

  const provider = new Provider(issuer, {
    clients: opts.clients.map((c) => {
      const { redirectUri, postLogoutRedirectUri } = wharfRedirects(c.appUrl);
      return {
        client_id: c.clientId,
        ...(c.clientSecret
          ? { client_secret: c.clientSecret, token_endpoint_auth_method: 'client_secret_post' }
          : { token_endpoint_auth_method: 'none' }),
        redirect_uris: [redirectUri],
        post_logout_redirect_uris: [postLogoutRedirectUri],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      };
    }),
    jwks: { keys: [jwk] },
    cookies: { keys: ['test-provider-cookie-key'] },
    claims: { openid: ['sub'], email: ['email'], groups: ['groups'] },
    scopes: ['openid', 'email', 'groups', 'offline_access', 'profile'],
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    issueRefreshToken: () => true,
    ttl: {
      // Read at each issue, so a test may shorten one person's tokens while the provider runs.
      IdToken: (_ctx, token) =>
        accounts.get(String(token.available?.sub))?.idTokenTtl ?? opts.idTokenTtl ?? 3600,
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

  const subjectOf = (email: string) =>
    [...accounts].find(([, a]) => a.email === email)?.[0] ?? undefined;

  const interact = async (req: IncomingMessage, res: ServerResponse) => {
    const details = await provider.interactionDetails(req, res);
    let sub = nextLogin;
    if (!sub) {
      if (req.method !== 'POST') {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        return void res.end(loginForm(details.uid));
      }
      const email = (await readForm(req)).get('email') ?? '';
      const found = subjectOf(email);
      if (!found) {
        res.statusCode = 401;
        res.setHeader('content-type', 'text/html; charset=utf-8');
        return void res.end(loginForm(details.uid, `No test user ${email}.`));
      }
      sub = found;
    }
    const grant = new provider.Grant({
      accountId: sub,
      clientId: String(details.params.client_id),
    });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: sub }, consent: { grantId } },
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
