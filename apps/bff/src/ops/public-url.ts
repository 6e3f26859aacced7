/**
 * WHARF_PUBLIC_URL as a base every relative URL resolves against: its path always ends in `/`,
 * so `new URL('api/v1/…', publicUrl)` stays under a sub-path like `/wharf/`.
 */
export function normalizePublicUrl(raw: string): URL {
  const url = new URL(raw);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  return url;
}

/** The path Wharf is served under, without the trailing slash: `/wharf`, or '' at the root. */
export function basePathOf(publicUrl: URL | undefined): string {
  return publicUrl ? publicUrl.pathname.replace(/\/+$/, '') : '';
}
