/** The page's CSP nonce, which the server puts in `<meta name="csp-nonce">` (absent in Vite dev). */
export function cspNonce(): string | undefined {
  return document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content || undefined;
}
