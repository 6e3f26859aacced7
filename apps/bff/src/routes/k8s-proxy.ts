import type { IncomingMessage } from 'node:http';
import { createInterface } from 'node:readline';
import { Router, type Response } from 'express';
import type { CallerResolver } from '../access/caller.js';
import { requireAccess } from '../access/require.js';
import { UpstreamError } from '../errors/http-errors.js';
import { KubeApiError } from '../kube/kube-api-error.js';
import { kubeRequestRaw } from '../kube/kube-request.js';
import { proxyTarget, type ProxyTarget } from './proxy-target.js';
import { redactSecrets } from './redact-secrets.js';

/** Longest a proxied watch stays open (the API server's own default is 30 to 60 minutes). */
export const PROXY_WATCH_MAX_SECONDS = 300;
/** Largest non-watch answer held in memory while it is redacted. */
const MAX_ANSWER_BYTES = 64 << 20;

async function readBody(upstream: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of upstream) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      upstream.destroy();
      throw new UpstreamError(
        'The answer is too large to show; narrow it with limit= or a selector.',
      );
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Parses a JSON answer; an answer that is not JSON is never passed on (it could hold anything). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UpstreamError('Kubernetes answered with something other than JSON.');
  }
}

/** Streams watch events one line at a time, each redacted; ends when the cap is reached. */
async function streamWatch(
  upstream: IncomingMessage,
  res: Response,
  target: ProxyTarget,
): Promise<void> {
  res.status(200).setHeader('content-type', 'application/json');
  // Never compressed, by Wharf or a proxy on the way: a compressor would hold events back.
  res.setHeader('cache-control', 'no-store, no-transform');
  res.flushHeaders();
  // Upstream was asked for timeoutSeconds; this bounds a server that ignores it.
  const cap = setTimeout(() => upstream.destroy(), (target.watchSeconds + 5) * 1000);
  try {
    for await (const line of createInterface({ input: upstream, crlfDelay: Infinity })) {
      if (!line.trim()) continue;
      let event: unknown;
      try {
        event = JSON.parse(line);
      } catch {
        break; // not a JSON event: stop rather than pass unknown content on
      }
      res.write(JSON.stringify(redactSecrets(event, target.secrets)) + '\n');
    }
  } catch {
    // upstream closed or was cut at the cap: end the stream as the API server would
  } finally {
    clearTimeout(cap);
    res.end();
  }
}

/**
 * Read-only pass-through for raw YAML views, as the signed-in user. The path and query are
 * parsed and re-built canonically (proxy-target.ts), authorized with Kubernetes first, and only
 * that canonical request goes upstream: client Authorization, Impersonate-*, Accept and cookies
 * never do. Secret values are redacted in every answer, list, watch event and stream.
 */
export function k8sProxy(
  resolveCaller: CallerResolver,
  maxWatchSeconds = PROXY_WATCH_MAX_SECONDS,
): Router {
  const router = Router();
  router.get(/.*/, async (req, res) => {
    const target = proxyTarget(req.url, maxWatchSeconds);
    const caller = await resolveCaller(req);
    if (target.check) await requireAccess(caller, target.check);
    // As the identity that allowed the check; discovery is open to every identity.
    const kc = target.check ? caller.kubeConfigFor(target.check) : caller.discoveryKubeConfig();
    const abort = new AbortController();
    res.on('close', () => abort.abort());
    const upstream = await kubeRequestRaw(kc, target.upstream, {
      headers: { accept: 'application/json' },
      signal: abort.signal,
    });
    const status = upstream.statusCode ?? 502;
    if (status < 200 || status >= 300) {
      throw KubeApiError.fromBody(status, await readBody(upstream, 1 << 20));
    }
    if (target.watch) return streamWatch(upstream, res, target);
    const body = await readBody(upstream, MAX_ANSWER_BYTES);
    res.status(status).json(redactSecrets(parseJson(body.toString('utf8')), target.secrets));
  });
  return router;
}
