import { createInterface } from 'node:readline';
import { Router } from 'express';
import type { CallerResolver } from '../access/caller.js';
import { InputError } from '../errors/http-errors.js';
import { kubeRequestRaw } from '../kube/kube-request.js';
import { pathIsSecrets, redactSecrets } from './redact-secrets.js';

/**
 * Read-only pass-through for raw YAML views, as the signed-in user. Only the path and query go
 * upstream: client Authorization, Impersonate-* and cookies never do. Secret values are redacted
 * in objects, lists and watch streams.
 */
export function k8sProxy(resolveCaller: CallerResolver): Router {
  const router = Router();
  router.get(/^\/(api|apis)\/.*/, async (req, res) => {
    const path = req.path;
    if (path.includes('..')) throw new InputError('The path may not contain "..".');
    const query = req.originalUrl.includes('?')
      ? req.originalUrl.slice(req.originalUrl.indexOf('?'))
      : '';
    const caller = await resolveCaller(req);
    const abort = new AbortController();
    res.on('close', () => abort.abort());
    const upstream = await kubeRequestRaw(caller.kubeConfigFor(), path + query, {
      headers: { accept: 'application/json' },
      signal: abort.signal,
    });
    const secrets = pathIsSecrets(path);
    const isWatch = /[?&]watch=(true|1)/.test(query);
    res.status(upstream.statusCode ?? 502);
    res.setHeader('content-type', 'application/json');
    if (isWatch && upstream.statusCode === 200) {
      const lines = createInterface({ input: upstream });
      for await (const line of lines) {
        if (!line.trim()) continue;
        const event = JSON.parse(line) as { type?: string; object?: unknown };
        res.write(
          JSON.stringify({ ...event, object: redactSecrets(event.object, secrets) }) + '\n',
        );
      }
      res.end();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of upstream) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    try {
      res.send(JSON.stringify(redactSecrets(JSON.parse(text), secrets)));
    } catch {
      // Not JSON (rare error pages): never pass through unparsed content for Secrets.
      res.send(secrets ? JSON.stringify({ message: 'Unreadable answer from Kubernetes.' }) : text);
    }
  });
  return router;
}
