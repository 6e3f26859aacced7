import http from 'node:http';
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { UpstreamError } from '../errors/http-errors.js';

export interface KubeResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface KubeRequestInit {
  method?: string;
  /** JSON-serialised unless already a string. */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * One raw request to the Kubernetes API with the credentials of `kc` (TLS, token, impersonation).
 * Used for lists, writes and the proxy so every path authenticates the same way.
 */
export async function kubeRequestRaw(
  kc: KubeConfig,
  path: string,
  init: KubeRequestInit = {},
): Promise<http.IncomingMessage> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error('The kubeconfig has no current cluster.');
  const url = new URL(cluster.server.replace(/\/$/, '') + path);
  const opts: https.RequestOptions = { method: init.method ?? 'GET', headers: {} };
  await kc.applyToHTTPSOptions(opts);
  const headers: Record<string, string> = {
    accept: 'application/json',
    ...(opts.headers as Record<string, string>),
    ...init.headers,
  };
  let payload: string | undefined;
  if (init.body !== undefined) {
    payload = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['content-type'] = init.contentType ?? 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(url, { ...opts, headers, signal: init.signal }, resolve);
    // Network failures mean Kubernetes is unreachable, not that the request was wrong.
    req.on('error', (err) =>
      reject(
        init.signal?.aborted
          ? err
          : new UpstreamError(
              `Kubernetes cannot be reached right now (${err.message}); try again in a moment.`,
              503,
            ),
      ),
    );
    req.end(payload);
  });
}

export async function kubeRequest(
  kc: KubeConfig,
  path: string,
  init: KubeRequestInit = {},
): Promise<KubeResponse> {
  const res = await kubeRequestRaw(kc, path, init);
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) };
}
