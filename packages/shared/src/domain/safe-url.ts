/**
 * A URL from cluster data that may become a link: only absolute http(s) URLs. `javascript:`,
 * `data:`, `vbscript:` and anything relative or unparseable answer undefined, so a page shows
 * text instead of a link that runs code.
 */
export function safeLinkUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    // URL parsing strips the tabs, newlines and leading spaces that hide a scheme (`java\tscript:`).
    parsed = new URL(url);
  } catch {
    return undefined; // relative or not a URL
  }
  return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
}
