import { describe, expect, it } from 'vitest';
import { loadIdentityConfig } from '../../src/identity/identity-config.js';

describe('identity settings are checked at start', () => {
  it('builds the OIDC redirect and post-logout URIs from WHARF_PUBLIC_URL', () => {
    const c = loadIdentityConfig({
      WHARF_PUBLIC_URL: 'https://wharf.example.com',
      WHARF_OIDC_ISSUER: 'https://idp.example.com',
      WHARF_OIDC_CLIENT_ID: 'wharf',
      WHARF_GLOBAL_ROLE_NAMESPACES: 'kargo, kargo-global',
    });
    expect(c.oidc).toMatchObject({
      redirectUri: 'https://wharf.example.com/api/v1/auth/oidc/callback',
      postLogoutRedirectUri: 'https://wharf.example.com/login',
      usernameClaim: 'email',
      scopes: 'openid profile email groups offline_access',
    });
    expect(c.globalRoleNamespaces).toEqual(['kargo', 'kargo-global']);
  });

  it('runs without OIDC when no issuer is set', () => {
    expect(loadIdentityConfig({}).oidc).toBeUndefined();
  });

  it('fails fast with every problem listed', () => {
    expect(() =>
      loadIdentityConfig({
        WHARF_OIDC_ISSUER: 'http://idp.example.com',
        WHARF_ADMIN_PASSWORD: 'short',
        WHARF_SESSION_KEY: 'too-short',
      }),
    ).toThrowError(
      /WHARF_ADMIN_PASSWORD[\s\S]*WHARF_SESSION_KEY[\s\S]*WHARF_OIDC_CLIENT_ID: set both[\s\S]*WHARF_OIDC_ISSUER: must be https/,
    );
  });

  it('asks for WHARF_PUBLIC_URL when OIDC is configured', () => {
    expect(() =>
      loadIdentityConfig({
        WHARF_OIDC_ISSUER: 'https://idp.example.com',
        WHARF_OIDC_CLIENT_ID: 'wharf',
      }),
    ).toThrowError(/WHARF_PUBLIC_URL/);
  });
});
