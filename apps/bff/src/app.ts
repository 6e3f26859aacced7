import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express from 'express';
import helmet from 'helmet';
import type { ClusterStatus } from '@wharf/shared';

export interface AppDeps {
  /** Directory of the built web app; the SPA is served from here when it exists. */
  webDist?: string;
  clusterStatus: () => ClusterStatus;
}

export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Builds the HTTP app with its dependencies passed in, so tests run it on port 0. */
export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(helmet({ contentSecurityPolicy: false }));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', (_req, res) => {
    const status = deps.clusterStatus();
    res.status(status.connected ? 200 : 503).json(status);
  });
  app.get('/api/v1/cluster', (_req, res) => {
    res.json(deps.clusterStatus());
  });
  const dist = deps.webDist ?? DEFAULT_WEB_DIST;
  if (existsSync(dist)) {
    app.use(express.static(dist, { index: false, maxAge: '1h' }));
    // Client-side routes: anything that is not an API call gets the app shell.
    app.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => {
      res.sendFile('index.html', { root: dist, maxAge: 0 });
    });
  }
  return app;
}
