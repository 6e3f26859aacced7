import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router, type RequestHandler } from 'express';

/** Vite names built assets by content hash: a file under assets/ never changes. */
const IMMUTABLE = /[\\/]assets[\\/]/;

/**
 * The page's `<base href>` names the path Wharf is served under; every URL in the app (assets,
 * `api/v1/…`, the socket path, router links) is relative to it, so one build serves any sub-path.
 */
export function renderIndexHtml(template: string, basePath: string): string {
  const base = `<base href="${escapeAttribute(`${basePath}/`)}" />`;
  if (!/<base\s[^>]*>/i.test(template)) throw new Error('index.html has no <base href> to rewrite');
  return template.replace(/<base\s[^>]*>/i, base);
}

function escapeAttribute(value: string): string {
  return value.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The built web app: hashed assets cached for a year, the rest for an hour, and the app shell
 * (index.html with its base rewritten, rendered once) for every client-side route.
 */
export function webAppRouter(dist: string, basePath: string): Router {
  const html = renderIndexHtml(readFileSync(join(dist, 'index.html'), 'utf8'), basePath);
  const shell: RequestHandler = (_req, res) => {
    res.setHeader('cache-control', 'no-cache');
    res.type('html').send(html);
  };
  const r = Router();
  r.get(['/', '/index.html'], shell);
  r.use(
    express.static(dist, {
      index: false,
      maxAge: '1h',
      setHeaders: (res, path) => {
        if (IMMUTABLE.test(path))
          res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  // A missing asset is a 404, not the app shell: a wrong base shows up as a failed request.
  r.use('/assets', (_req, res) => {
    res.status(404).type('text').send('No such asset.');
  });
  // Client-side routes: anything that is not an API call gets the app shell.
  r.get(/^\/(?!api\/|socket\.io\/).*/, shell);
  return r;
}
