import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Server as SocketServer } from 'socket.io';
import type { Capabilities, ProjectSnapshot } from '@wharf/shared/api';

/**
 * Serves the built web app with a fixed project in the BFF's wire format (REST + socket.io),
 * so the graph benchmark measures the browser alone: no cluster, no informers, no network noise.
 */
export async function startStubServer(
  webDist: string,
  snapshots: ProjectSnapshot[],
): Promise<{ url: string; close: () => Promise<void> }> {
  const app = express();
  const byName = new Map(snapshots.map((s) => [s.project, s]));
  app.get('/healthz', (_q, r) => void r.json({ status: 'ok' }));
  app.get(
    '/api/v1/cluster',
    (_q, r) => void r.json({ mode: 'embedded', connected: true, message: 'bench stub' }),
  );
  app.get(
    '/api/v1/auth/me',
    (_q, r) =>
      void r.json({
        actor: 'admin',
        username: 'admin',
        method: 'admin',
        groups: [],
        roles: [],
        expiresAt: '2099-01-01T00:00:00Z',
      }),
  );
  app.get('/api/v1/projects/:p/capabilities', (q, r) => {
    const s = byName.get(q.params.p);
    const yes = { allowed: true as const };
    const stage = {
      promote: yes,
      promoteDownstream: yes,
      approve: yes,
      refresh: yes,
      reverify: yes,
      abortVerification: yes,
      delete: yes,
    };
    const caps: Capabilities = {
      project: q.params.p,
      actor: 'admin',
      projectActions: {
        refreshWarehouse: yes,
        aliasFreight: yes,
        deleteFreight: yes,
        abortPromotion: yes,
        applyResources: yes,
        manageRoles: yes,
      },
      stages: Object.fromEntries((s?.stages ?? []).map((x) => [x.name, stage])),
    };
    r.json(caps);
  });
  app.use(express.static(webDist, { index: false }));
  app.get(/^\/(?!api\/|socket\.io\/).*/, (_q, r) => r.sendFile('index.html', { root: webDist }));
  const server: Server = createServer(app);
  const io = new SocketServer(server, { transports: ['websocket'] });
  io.on('connection', (socket) => {
    socket.on('projects:join', (_req: unknown, ack: (a: unknown) => void) =>
      ack({ data: { mode: 'snapshot', version: 'v1', items: snapshots.map((s) => s.summary) } }),
    );
    socket.on('project:join', (req: { project: string }, ack: (a: unknown) => void) => {
      const s = byName.get(req.project);
      ack(
        s
          ? { data: { mode: 'snapshot', snapshot: s } }
          : { error: { name: 'NotFoundError', message: `No project ${req.project}` } },
      );
    });
    socket.on('project:leave', (_r: unknown, ack: (a: unknown) => void) =>
      ack({ data: { left: true } }),
    );
    socket.on('projects:leave', (_r: unknown, ack: (a: unknown) => void) =>
      ack({ data: { left: true } }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => void io.close(() => resolve())),
  };
}
