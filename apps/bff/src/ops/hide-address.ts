/**
 * What probes and anonymous callers may see of the cluster: its state, never where it is. Drops
 * `server` and replaces the API server's URL, host:port and host wherever they appear (a watch
 * error reads "connect ECONNREFUSED 10.0.0.1:6443").
 */
export function hideAddress<T extends object>(value: T, server: string | undefined): T {
  const { server: _dropped, ...rest } = value as T & { server?: unknown };
  if (!server) return rest as T;
  const url = new URL(server);
  const needles = [server.replace(/\/$/, ''), url.host, url.hostname].filter(Boolean);
  const text = needles.reduce(
    (t, needle) => t.replaceAll(needle, 'the API server'),
    JSON.stringify(rest, (k, v: unknown) => (k === 'server' ? undefined : v)),
  );
  return JSON.parse(text) as T;
}
