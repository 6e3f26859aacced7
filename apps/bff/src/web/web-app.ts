import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Router, type RequestHandler } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { readSessionCookie } from '../identity/session-cookie.js';

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
  /** Scripts of the screen's code not already named by the template (`assets/…js`). */
  modulePreload?: readonly string[];
  /** Styles of the screen's code (`assets/…css`). */
  stylesheets?: readonly string[];
}

/** A landing screen: the reads it starts with, and its code's module (a key of Vite's manifest). */
interface Landing {
  reads: readonly string[];
  module: string;
}

/**
 * The screens people land on, by client path (see the web app's router and route loaders).
 * Their reads and code are preloaded by the HTML, so both leave with its first bytes instead of
 * after the first chunk ran; the web app's own requests take the answers. Only unfiltered
 * reads: a screen's URL filters apply in the browser.
 */
const ATTENTION = 'api/v1/attention';
const HOME: Landing = { reads: [ATTENTION], module: 'src/features/projects/projects-page.tsx' };
const LANDINGS: ReadonlyMap<string, Landing> = new Map([
  ['/', HOME],
  ['/projects', HOME],
  [
    '/attention',
    { reads: [ATTENTION], module: 'src/features/projects/attention/attention-page.tsx' },
  ],
]);

/** Vite's build manifest (`build.manifest`): each chunk's file, its styles, the chunks it imports. */
type Manifest = Record<string, { file: string; css?: string[]; imports?: string[] }>;

/** A built web app, read once at start: the build does not change while Wharf runs. */
export interface WebBuild {
  dist: string;
  /** index.html, rendered per request (see webAppRouter). */
  template: string;
  manifest: Manifest | undefined;
  /**
   * Which build this is: its entry script (`assets/index-….js`, named by content hash). Sockets
   * tell pages, so a page of another build offers a reload.
   */
  entry: string | undefined;
}

/** The web build in `dist`, or undefined when there is none (no index.html). */
export function readWebBuild(dist: string): WebBuild | undefined {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return undefined;
  const manifestPath = join(dist, '.vite/manifest.json');
  const manifest = existsSync(manifestPath)
    ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest)
    : undefined;
  return {
    dist,
    template: readFileSync(index, 'utf8'),
    manifest,
    entry: manifest?.['index.html']?.file,
  };
}

/**
 * The scripts and styles of `module`'s chunk and of every chunk it imports statically, the
 * entry's excepted (the template names those).
 */
function chunkFiles(manifest: Manifest, module: string) {
  const modulePreload: string[] = [];
  const stylesheets: string[] = [];
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (seen.has(key) || !chunk || key === 'index.html') return;
    seen.add(key);
    modulePreload.push(chunk.file);
    stylesheets.push(...(chunk.css ?? []));
    chunk.imports?.forEach(visit);
  };
  visit(module);
  return { modulePreload, stylesheets };
}

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
  const reads = (opts.preload ?? []).map(
    (href) => `\n    <link rel="preload" as="fetch" crossorigin href="${escapeAttribute(href)}" />`,
  );
  // After the template's own tags: the first chunk's scripts are asked for first.
  const modules = (opts.modulePreload ?? [])
    .filter((href) => !template.includes(href))
    .map(
      (href) => `  <link rel="modulepreload" crossorigin href="${escapeAttribute(href)}" />\n  `,
    );
  // Vite's loader of a lazy chunk waits for the chunk's styles before the import resolves, and
  // asks for them only then; it skips a style a `<link rel="stylesheet">` already names.
  const styles = (opts.stylesheets ?? [])
    .filter((href) => !template.includes(href))
    .map((href) => `  <link rel="stylesheet" crossorigin href="${escapeAttribute(href)}" />\n  `);
  return template
    .replace(/<base\s[^>]*>/i, `${base}\n    ${nonce}${reads.join('')}`)
    .replace(/<\/head>/i, `${modules.join('')}${styles.join('')}</head>`);
}

function escapeAttribute(value: string): string {
  return value.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The built web app: hashed assets cached for a year, the rest for an hour, and the app shell
 * for every client-side route, rendered per request (a fresh CSP nonce each time) and never
 * stored, since a stored copy would carry a stale nonce.
 */
export function webAppRouter(build: WebBuild, basePath: string): Router {
  const { dist, template, manifest } = build;
  renderIndexHtml(template, { basePath, nonce: '' }); // fail at start, not per request
  // A landing named by a source path the build no longer has would silently lose its preloads.
  const lost = [...LANDINGS.values()].filter((l) => manifest && !manifest[l.module]);
  if (lost.length > 0)
    throw new Error(
      `The web build has no chunk for ${lost.map((l) => l.module).join(', ')}: update LANDINGS in web-app.ts to the moved screens`,
    );
  // Worked out once, like the build.
  const preloads = new Map(
    [...LANDINGS].map(([screen, landing]) => [
      screen,
      { preload: landing.reads, ...(manifest && chunkFiles(manifest, landing.module)) },
    ]),
  );
  const shell: RequestHandler = (req, res) => {
    const nonce = String(res.locals.cspNonce);
    const screen = req.path === '/index.html' ? '/' : req.path.replace(/(.)\/$/, '$1');
    // Signed out, the screen's reads would answer 401 and its code goes unused (sign-in is next).
    const landing = readSessionCookie(req) ? preloads.get(screen) : undefined;
    res.setHeader('cache-control', 'no-store');
    res.type('html').send(renderIndexHtml(template, { basePath, nonce, ...landing }));
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
