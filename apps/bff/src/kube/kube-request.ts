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
  /** Sending it twice changes nothing (e.g. an access review POST), so it may be retried. */
  idempotent?: boolean;
}

/**
 * One keep-alive agent per kubeconfig. @kubernetes/client-node builds a new agent for every
 * request, so each request paid a TLS handshake; a project's capabilities (thousands of access
 * reviews) spent most of their time there.
 */
const agents = new WeakMap<KubeConfig, https.Agent>();

function agentFor(kc: KubeConfig, opts: https.RequestOptions): https.Agent | undefined {
  if (!(opts.agent instanceof https.Agent)) return undefined; // a proxy agent: keep it
  let agent = agents.get(kc);
  if (!agent) {
    agent = new https.Agent({ ...opts.agent.options, keepAlive: true, maxSockets: 32 });
    agents.set(kc, agent);
  }
  return agent;
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
  const agent = url.protocol === 'https:' ? agentFor(kc, opts) : undefined;
  if (agent) opts.agent = agent;
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
  // A kept-alive connection the server has just closed fails at once: a request that changes
  // nothing is sent again on a fresh one (Node's advice for keep-alive), a write never is.
  const retryable = opts.method === 'GET' || init.idempotent === true;
  const send = (attempt: number): Promise<http.IncomingMessage> =>
    new Promise((resolve, reject) => {
      const req = transport.request(url, { ...opts, headers, signal: init.signal }, resolve);
      req.on('error', (err: NodeJS.ErrnoException) => {
        if (init.signal?.aborted) return reject(err);
        if (attempt === 0 && retryable && req.reusedSocket && err.code === 'ECONNRESET')
          return resolve(send(1));
        // Network failures mean Kubernetes is unreachable, not that the request was wrong.
        reject(
          new UpstreamError(
            `Kubernetes cannot be reached right now (${err.message}); try again in a moment.`,
            503,
          ),
        );
      });
      req.end(payload);
    });
  return send(0);
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
