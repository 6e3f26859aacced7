import { queryOptions } from '@tanstack/react-query';
import {
  AuthConfigSchema,
  AuthMeSchema,
  LogoutResultSchema,
  type AuthConfig,
} from '@wharf/shared/api';
import { api } from '@/lib/http';

export const meQuery = () =>
  queryOptions({
    queryKey: ['auth', 'me'],
    queryFn: ({ signal }) => api('auth/me', { signal }, (b) => AuthMeSchema.parse(b)),
    meta: { quiet: true },
    staleTime: 60_000,
    retry: false,
  });

const FALLBACK: AuthConfig = {
  password: true,
  token: true,
  oidc: false,
  csrfHeader: 'x-wharf-csrf',
};

/** Which ways to sign in the server offers (OIDC only when configured). */
export const authConfigQuery = () =>
  queryOptions({
    queryKey: ['auth', 'config'],
    // Not cancelled when the sign-in page goes away: tiny, kept for good, and needed next time.
    queryFn: () => api('auth/config', {}, (b) => AuthConfigSchema.parse(b)).catch(() => FALLBACK),
    meta: { quiet: true },
    staleTime: Infinity,
  });

export const login = (body: { password: string } | { token: string }) =>
  api('auth/login', { method: 'POST', body });

export const logout = () =>
  api('auth/logout', { method: 'POST' }, (b) => LogoutResultSchema.parse(b));

/** Adds where to come back to after the identity provider sends the browser back. */
export function oidcLoginUrl(loginUrl: string, next: string): string {
  const url = new URL(loginUrl, document.baseURI);
  // The BFF's OIDC start route brings the browser back to `returnTo` once signed in.
  url.searchParams.set('returnTo', next);
  return url.toString();
}
