import * as client from 'openid-client';
import { UpstreamError } from '../errors/http-errors.js';
import type { OidcSettings } from './identity-config.js';
import type { SessionClaims } from './session.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Registered JWT/OIDC claims that say nothing about who the user is; kept out of the cookie. */
const PROTOCOL_CLAIMS = new Set([
  'iss',
  'aud',
  'exp',
  'iat',
  'nbf',
  'jti',
  'nonce',
  'at_hash',
  'c_hash',
  'auth_time',
  'sid',
  'azp',
  'acr',
  'amr',
]);

export interface OidcTokens {
  claims: SessionClaims;
  idToken?: string;
  refreshToken?: string;
  expiresAt: number;
}

/** openid-client v6 behind the four calls Wharf needs; discovery happens on first use and is retried after a failure. */
export class OidcClient {
  private config?: Promise<client.Configuration>;

  constructor(readonly settings: OidcSettings) {}

  private configuration() {
    if (!this.config) {
      const s = this.settings;
      // Plain http only for a provider on this machine (tests, local development).
      const insecure = s.issuer.protocol === 'http:' && LOOPBACK.has(s.issuer.hostname);
      this.config = client.discovery(
        s.issuer,
        s.clientId,
        s.clientSecret,
        s.clientSecret ? undefined : client.None(),
        insecure ? { execute: [client.allowInsecureRequests] } : undefined,
      );
      this.config.catch(() => (this.config = undefined));
    }
    return this.config.catch((err: unknown) => {
      const why = err instanceof Error ? err.message : String(err);
      throw new UpstreamError(
        `Could not reach the OIDC provider at ${this.settings.issuer.href}: ${why}`,
      );
    });
  }

  async authorizationUrl(flow: { verifier: string; state: string; nonce: string }): Promise<URL> {
    const config = await this.configuration();
    return client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
  }

  async exchangeCode(callbackUrl: URL, flow: { verifier: string; state: string; nonce: string }) {
    const config = await this.configuration();
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    return toTokens(tokens);
  }

  async refresh(refreshToken: string, previous: OidcTokens): Promise<OidcTokens> {
    const tokens = await client.refreshTokenGrant(await this.configuration(), refreshToken);
    const next = toTokens(tokens);
    // A provider may answer a refresh without a new ID token or refresh token: keep the old ones.
    return {
      claims: tokens.id_token ? next.claims : previous.claims,
      ...((next.idToken ?? previous.idToken) ? { idToken: next.idToken ?? previous.idToken } : {}),
      ...((next.refreshToken ?? refreshToken)
        ? { refreshToken: next.refreshToken ?? refreshToken }
        : {}),
      expiresAt: next.expiresAt,
    };
  }

  /** The provider's end-session URL, or undefined when it has none. */
  async endSessionUrl(idToken: string | undefined): Promise<string | undefined> {
    const config = await this.configuration();
    if (!config.serverMetadata().end_session_endpoint) return undefined;
    return client
      .buildEndSessionUrl(config, {
        post_logout_redirect_uri: this.settings.postLogoutRedirectUri,
        client_id: this.settings.clientId,
        ...(idToken ? { id_token_hint: idToken } : {}),
      })
      .toString();
  }
}

/** Why the provider refused, in its own words (`invalid_grant: …`) when it gave them. */
export function providerRefusal(err: unknown): string {
  if (err instanceof client.ResponseBodyError) {
    return err.error_description ? `${err.error}: ${err.error_description}` : err.error;
  }
  return err instanceof Error ? err.message : 'unknown error';
}

type TokenResponse = client.TokenEndpointResponse & client.TokenEndpointResponseHelpers;

/** The claims that say who the user is (strings and string lists), from an ID token's payload. */
export function identityClaims(idClaims: Record<string, unknown> | undefined): SessionClaims {
  const claims: SessionClaims = {};
  for (const [k, v] of Object.entries(idClaims ?? {})) {
    if (PROTOCOL_CLAIMS.has(k)) continue;
    if (typeof v === 'string') claims[k] = v;
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) claims[k] = v;
  }
  return claims;
}

function toTokens(t: TokenResponse): OidcTokens {
  const idClaims = t.claims();
  const claims = identityClaims(idClaims);
  const nowS = Math.floor(Date.now() / 1000);
  const expiresAt =
    typeof idClaims?.exp === 'number' ? idClaims.exp : nowS + (t.expiresIn() ?? 300);
  return {
    claims,
    ...(t.id_token ? { idToken: t.id_token } : {}),
    ...(t.refresh_token ? { refreshToken: t.refresh_token } : {}),
    expiresAt,
  };
}
