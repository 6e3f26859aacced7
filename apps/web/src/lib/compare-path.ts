/**
 * The compare page for two freight of a project (name or alias), A the older or current one and
 * B the newer or incoming one, as a diff reads. A side left out is picked on the page; B alone
 * gets A proposed: the freight from its warehouse discovered just before it.
 */
export function comparePath(project: string, pair: { a?: string; b?: string }): string {
  const q = new URLSearchParams();
  if (pair.a) q.set('a', pair.a);
  if (pair.b) q.set('b', pair.b);
  const query = q.toString();
  return `/projects/${encodeURIComponent(project)}/compare${query ? `?${query}` : ''}`;
}
