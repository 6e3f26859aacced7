/** The path the app is served under (from `<base href>`), without a trailing slash; "" at the root. */
export function basePath(): string {
  return new URL(document.baseURI).pathname.replace(/\/$/, '');
}
