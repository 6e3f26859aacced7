import createCache, { type EmotionCache } from '@emotion/cache';
import { cspNonce } from '@/lib/csp-nonce';

// zod's parsers are made jitless (no eval under this policy) by src/zod-jitless.ts, an entry of
// its own that index.html runs before the app.

/**
 * MUI styles through emotion, which writes `<style>` tags; the policy accepts only those that
 * carry this page's nonce, which the server puts in `<meta name="csp-nonce">` (absent in Vite dev).
 */
export function styleCache(): EmotionCache {
  const nonce = cspNonce();
  return createCache({ key: 'css', ...(nonce ? { nonce } : {}) });
}
