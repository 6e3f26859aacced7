// Raw HTTPS requests to a running server (for headers client libraries do not expose).
import { request } from 'node:https';
import type { RunningApiServer } from '../../src/index.js';

export interface Reply {
  status: number;
  body: Record<string, unknown>;
}

export function api(
  server: RunningApiServer,
  method: string,
  path: string,
  opts: {
    token?: string;
    body?: unknown;
    headers?: Record<string, string | string[]>;
    contentType?: string;
  } = {},
): Promise<Reply> {
  return new Promise((res, rej) => {
    const headers: Record<string, string | string[]> = {
      Authorization: `Bearer ${opts.token ?? server.adminToken}`,
      'Content-Type': opts.contentType ?? 'application/json',
      ...opts.headers,
    };
    const req = request(`${server.url}${path}`, { method, ca: server.caPem, headers }, (r) => {
      let text = '';
      r.on('data', (d: Buffer) => (text += d.toString()));
      r.on('end', () => {
        let body: Record<string, unknown> = {};
        try {
          body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
        } catch {
          body = { text };
        }
        res({ status: r.statusCode ?? 0, body });
      });
    });
    req.on('error', rej);
    req.end(
      opts.body === undefined
        ? undefined
        : typeof opts.body === 'string'
          ? opts.body
          : JSON.stringify(opts.body),
    );
  });
}

/** Creates a ServiceAccount and returns a token for it (TokenRequest API). */
export async function serviceAccountToken(
  server: RunningApiServer,
  ns: string,
  name: string,
): Promise<string> {
  await api(server, 'POST', `/api/v1/namespaces/${ns}/serviceaccounts`, {
    body: { metadata: { name } },
  });
  const r = await api(server, 'POST', `/api/v1/namespaces/${ns}/serviceaccounts/${name}/token`, {
    body: { spec: {} },
  });
  return String((r.body.status as { token: string }).token);
}
