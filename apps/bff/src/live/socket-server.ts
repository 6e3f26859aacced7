import type { Server as HttpServer } from 'node:http';
import type { Request } from 'express';
import type { Logger } from 'pino';
import { Server, type Socket } from 'socket.io';
import { KARGO_GROUP } from '@wharf/shared';
import {
  EventsDeltaSchema,
  ProjectDeltaSchema,
  ProjectJoinRequestSchema,
  ProjectLeaveRequestSchema,
  ProjectsDeltaSchema,
  ProjectsJoinRequestSchema,
  ResyncRequiredSchema,
  SOCKET_PATH,
  type ApiErrorBody,
  type ClientToServerEvents,
  type ProjectJoinResult,
  type ProjectsJoinResult,
  type ServerToClientEvents,
} from '@wharf/shared/api';
import type { CallerResolver } from '../access/caller.js';
import { requireAccess } from '../access/require.js';
import { toHttp } from '../errors/error-middleware.js';
import { NotFoundError } from '../errors/http-errors.js';
import type { Metrics } from '../ops/metrics.js';
import type { LiveHub } from './live-hub.js';

type WharfServer = Server<ClientToServerEvents, ServerToClientEvents>;
type WharfSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

const projectRoom = (p: string) => `project:${p}`;
const PROJECTS_ROOM = 'projects';

function errorBody(err: unknown): ApiErrorBody {
  const e = toHttp(err);
  return { name: e.name, message: e.message };
}

/** Runs a handler and answers its ack with `{data}` or `{error}`; a missing ack is ignored. */
function handle<T>(ack: unknown, log: Logger, work: () => Promise<T>): void {
  const reply = typeof ack === 'function' ? (ack as (v: unknown) => void) : () => undefined;
  work().then(
    (data) => reply({ data }),
    (err: unknown) => {
      const body = errorBody(err);
      log.info({ error: body }, 'socket request refused');
      reply({ error: body });
    },
  );
}

export interface SocketDeps {
  httpServer: HttpServer;
  hub: (out: ConstructorParameters<typeof LiveHub>[2]) => LiveHub;
  resolveCaller: CallerResolver;
  metrics: Metrics;
  logger: Logger;
  /** The socket path follows the base path: `/wharf/socket.io`. */
  basePath: string;
}

/** socket.io on the websocket transport only, so replicas need no sticky sessions. */
/** One socket in one project room: what identity's access sweep re-checks. */
export interface RoomMember {
  project: string;
  /** The socket's handshake request (its cookie names the signed-in user). */
  request: Request;
  /** Takes the socket out of the room and tells it why (it may join again and be refused). */
  leave(reason: string): void;
}

export function attachSockets(deps: SocketDeps): {
  io: WharfServer;
  hub: LiveHub;
  members(): Iterable<RoomMember>;
  close(): Promise<void>;
} {
  const io: WharfServer = new Server(deps.httpServer, {
    path: `${deps.basePath}${SOCKET_PATH}`,
    transports: ['websocket'],
    serveClient: false,
  });
  const emit = (event: string) => deps.metrics.socketMessages.inc({ event });
  const hub = deps.hub({
    projectDelta: (d) => {
      io.to(projectRoom(d.project)).emit('project:delta', ProjectDeltaSchema.parse(d));
      emit('project:delta');
    },
    events: (project, events) => {
      io.to(projectRoom(project)).emit(
        'events:delta',
        EventsDeltaSchema.parse({ project, events }),
      );
      emit('events:delta');
    },
    projectsDelta: (d) => {
      io.to(PROJECTS_ROOM).emit('projects:delta', ProjectsDeltaSchema.parse(d));
      emit('projects:delta');
    },
    resync: (scope, reason) => {
      const msg =
        scope === 'projects'
          ? { scope: 'projects' as const, reason }
          : { scope: 'project' as const, project: scope.project, reason };
      io.to(scope === 'projects' ? PROJECTS_ROOM : projectRoom(scope.project)).emit(
        'resync-required',
        ResyncRequiredSchema.parse(msg),
      );
      emit('resync-required');
    },
  });
  io.of('/').adapter.on('delete-room', (room: string) => {
    if (room.startsWith('project:')) hub.dropRoom(room.slice('project:'.length));
  });
  io.on('connection', (socket: WharfSocket) => {
    deps.metrics.connectedSockets.inc();
    socket.on('disconnect', () => deps.metrics.connectedSockets.dec());
    // The handshake is the HTTP upgrade request; identity reads only its headers (cookies).
    const request = socket.request as Request;
    const log = deps.logger.child({ socket: socket.id });

    socket.on('project:join', (raw, ack) =>
      handle(ack, log, async (): Promise<ProjectJoinResult> => {
        const req = ProjectJoinRequestSchema.parse(raw);
        const caller = await deps.resolveCaller(request);
        const ns = req.project;
        for (const verb of ['list', 'watch']) {
          await requireAccess(caller, {
            verb,
            group: KARGO_GROUP,
            resource: 'stages',
            namespace: ns,
          });
        }
        if (!hub.models().reader(ns).projectObject())
          throw new NotFoundError(`There is no project "${ns}".`);
        // Synchronous from here on: no change can slip between the snapshot/replay and joining.
        // Replays go out after the ack (setImmediate runs before any flush timer).
        const room = hub.room(ns);
        const replay = req.version ? room.log.since(req.version) : undefined;
        void socket.join(projectRoom(ns));
        if (replay) {
          setImmediate(() => replay.forEach((d) => socket.emit('project:delta', d)));
          return { mode: 'resumed', version: req.version ?? room.log.version };
        }
        return { mode: 'snapshot', snapshot: room.snapshot() };
      }),
    );

    socket.on('project:leave', (raw, ack) =>
      handle(ack, log, async () => {
        const req = ProjectLeaveRequestSchema.parse(raw);
        const was = socket.rooms.has(projectRoom(req.project));
        await socket.leave(projectRoom(req.project));
        return { left: was };
      }),
    );

    socket.on('projects:join', (raw, ack) =>
      handle(ack, log, async (): Promise<ProjectsJoinResult> => {
        const req = ProjectsJoinRequestSchema.parse(raw ?? {});
        const caller = await deps.resolveCaller(request);
        await requireAccess(caller, { verb: 'list', group: KARGO_GROUP, resource: 'projects' });
        const replay = req.version ? hub.projects.log.since(req.version) : undefined;
        void socket.join(PROJECTS_ROOM);
        if (replay) {
          setImmediate(() => replay.forEach((d) => socket.emit('projects:delta', d)));
          return { mode: 'resumed', version: req.version ?? hub.projects.log.version };
        }
        return { mode: 'snapshot', ...hub.projects.snapshot() };
      }),
    );

    socket.on('projects:leave', (_raw, ack) =>
      handle(ack, log, async () => {
        const was = socket.rooms.has(PROJECTS_ROOM);
        await socket.leave(PROJECTS_ROOM);
        return { left: was };
      }),
    );
  });
  function* members(): Iterable<RoomMember> {
    for (const socket of io.of('/').sockets.values()) {
      for (const room of socket.rooms) {
        if (!room.startsWith('project:')) continue;
        const project = room.slice('project:'.length);
        yield {
          project,
          request: socket.request as Request,
          leave: (reason) => {
            void socket.leave(room);
            socket.emit('resync-required', { scope: 'project', project, reason });
          },
        };
      }
    }
  }
  return {
    io,
    hub,
    members,
    close: () =>
      new Promise<void>((resolve) => {
        hub.stop();
        void io.close(() => resolve());
      }),
  };
}
