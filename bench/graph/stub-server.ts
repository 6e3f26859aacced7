import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { Server as SocketServer } from 'socket.io';
import { ProjectActionSchema, type Capabilities, type ProjectSnapshot } from '@wharf/shared/api';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

function capabilitiesOf(project: string, snapshot: ProjectSnapshot | undefined): Capabilities {
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
  return {
    project,
    actor: 'admin',
    projectActions: Object.fromEntries(
      ProjectActionSchema.options.map((a) => [a, yes]),
    ) as Capabilities['projectActions'],
    stages: Object.fromEntries((snapshot?.stages ?? []).map((x) => [x.name, stage])),
  };
}

/**
 * Serves the built web app with fixed projects in the BFF's wire format (REST + socket.io),
 * so the graph benchmark measures the browser alone: no cluster, no informers, no network noise.
 */
export async function startStubServer(
  webDist: string,
  snapshots: ProjectSnapshot[],
): Promise<{ url: string; close: () => Promise<void> }> {
  const byName = new Map(snapshots.map((s) => [s.project, s]));
  const json = (res: ServerResponse, body: unknown) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://stub').pathname;
    if (path === '/healthz') return json(res, { status: 'ok' });
    if (path === '/api/v1/cluster')
      return json(res, { mode: 'embedded', connected: true, message: 'bench stub' });
    if (path === '/api/v1/auth/me')
      return json(res, {
        actor: 'admin',
        username: 'admin',
        method: 'admin',
        groups: [],
        roles: [],
        expiresAt: '2099-01-01T00:00:00Z',
      });
    const caps = /^\/api\/v1\/projects\/([^/]+)\/capabilities$/.exec(path);
    if (caps?.[1]) return json(res, capabilitiesOf(caps[1], byName.get(caps[1])));
    if (path.startsWith('/api/')) {
      res.writeHead(404).end();
      return;
    }
    const file = join(webDist, normalize(path).replace(/^([/\\])+/, ''));
    const body = await readFile(
      file.startsWith(webDist) && extname(file) ? file : join(webDist, 'index.html'),
    ).catch(() => readFile(join(webDist, 'index.html')));
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'text/html' });
    res.end(body);
  };
  const server: Server = createServer((req, res) => void handle(req, res));
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
