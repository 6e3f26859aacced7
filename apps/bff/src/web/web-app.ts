import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Router, type RequestHandler } from 'express';
import expressStaticGzip from 'express-static-gzip';

/** Vite names built assets by content hash: a file under assets/ never changes. */
const IMMUTABLE = /[\\/]assets[\\/]/;

/** What changes per request in the app shell. Add a field here, then render it below. */
export interface IndexHtmlOptions {
  /** The path Wharf is served under, without a trailing slash (`/wharf`), or ''. */
  basePath: string;
  /** This response's CSP nonce; the web app hands it to emotion for its `<style>` tags. */
  nonce: string;
  /** API reads the screen at this URL starts with, relative to the base (`api/v1/attention`). */
  preload?: readonly string[];
}

/**
 * The reads each landing screen starts with (see the web app's route loaders), by client path.
 * Preloaded, they leave with the HTML's first bytes instead of after the scripts ran; the web
 * app's own fetch of the same URL takes the answer. Only unfiltered reads: a screen's URL filters
 * apply in the browser.
 */
const FIRST_READS: ReadonlyMap<string, readonly string[]> = new Map([
  ['/', ['api/v1/attention']],
  ['/projects', ['api/v1/attention']],
  ['/attention', ['api/v1/attention']],
]);

/**
 * The one place index.html is rewritten. The page's `<base href>` names the path Wharf is served
 * under; every URL in the app (assets, `api/v1/…`, the socket path, router links) is relative to
 * it, so one build serves any sub-path. `<meta name="csp-nonce">` carries the style nonce.
 */
export function renderIndexHtml(template: string, opts: IndexHtmlOptions): string {
  const base = `<base href="${escapeAttribute(`${opts.basePath}/`)}" />`;
  if (!/<base\s[^>]*>/i.test(template)) throw new Error('index.html has no <base href> to rewrite');
  const nonce = `<meta name="csp-nonce" content="${escapeAttribute(opts.nonce)}" />`;
  // `crossorigin` (same-origin credentials, CORS mode) is what a plain fetch() asks with, so
  // the browser hands this response to the app's request instead of asking again.
  const preloads = (opts.preload ?? []).map(
    (href) => `\n    <link rel="preload" as="fetch" crossorigin href="${escapeAttribute(href)}" />`,
  );
  return template.replace(/<base\s[^>]*>/i, `${base}\n    ${nonce}${preloads.join('')}`);
}

function escapeAttribute(value: string): string {
  return value.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The built web app: hashed assets cached for a year, the rest for an hour, and the app shell
 * for every client-side route, rendered per request (a fresh CSP nonce each time) and never
 * stored, since a stored copy would carry a stale nonce.
 */
export function webAppRouter(dist: string, basePath: string): Router {
  const template = readFileSync(join(dist, 'index.html'), 'utf8');
  renderIndexHtml(template, { basePath, nonce: '' }); // fail at start, not per request
  const shell: RequestHandler = (req, res) => {
    const nonce = String(res.locals.cspNonce);
    const screen = req.path === '/index.html' ? '/' : req.path.replace(/(.)\/$/, '$1');
    const preload = FIRST_READS.get(screen) ?? [];
    res.setHeader('cache-control', 'no-store');
    res.type('html').send(renderIndexHtml(template, { basePath, nonce, preload }));
  };
  const r = Router();
  r.get(['/', '/index.html'], shell);
  // The build writes .br and .gz copies of each script and style beside it: sent as they are,
  // so a cold load costs no compression here (the compression middleware skips encoded bodies).
  r.use(
    expressStaticGzip(dist, {
      enableBrotli: true,
      orderPreference: ['br', 'gz'],
      index: false,
      serveStatic: {
        index: false,
        maxAge: '1h',
        setHeaders: (res, path) => {
          if (IMMUTABLE.test(path))
            res.setHeader('cache-control', 'public, max-age=31536000, immutable');
        },
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
