import createCache, { type EmotionCache } from '@emotion/cache';
import { config } from 'zod/v4/core';
import { cspNonce } from '@/lib/csp-nonce';

// Wharf's Content-Security-Policy allows no eval. zod compiles fast parsers with `new Function`
// unless told not to, and merely probing for it shows up as a CSP violation: turn it off first.
config({ jitless: true });

/**
 * MUI styles through emotion, which writes `<style>` tags; the policy accepts only those that
 * carry this page's nonce, which the server puts in `<meta name="csp-nonce">` (absent in Vite dev).
 */
export function styleCache(): EmotionCache {
  const nonce = cspNonce();
  return createCache({ key: 'css', ...(nonce ? { nonce } : {}) });
}
