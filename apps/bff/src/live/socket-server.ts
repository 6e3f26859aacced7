import type { Server as HttpServer, IncomingMessage } from 'node:http';
import type { Request } from 'express';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { Server, type Socket } from 'socket.io';
import { KARGO_GROUP } from '@wharf/shared';
import {
  EventsDeltaSchema,
  ProjectDeltaSchema,
  ProjectFreightRequestSchema,
  ProjectJoinRequestSchema,
  ProjectLeaveRequestSchema,
  ProjectPromotionsRequestSchema,
  ProjectsDeltaSchema,
  ProjectsJoinRequestSchema,
  ResyncRequiredSchema,
  SOCKET_PATH,
  type ApiErrorBody,
  type ClientToServerEvents,
  type ProjectJoinResult,
  type ProjectEntityKind,
  type ProjectsJoinResult,
  type ServerToClientEvents,
} from '@wharf/shared/api';
import type { Caller, CallerResolver } from '../access/caller.js';
import { visibleProjects } from '../access/visible-projects.js';
import { toHttp } from '../errors/error-middleware.js';
import { ForbiddenError, InputError, NotFoundError } from '../errors/http-errors.js';
import type { Metrics } from '../ops/metrics.js';
import type { ReadModels } from '../read/read-models.js';
import type { AttentionMembership } from './attention-room.js';
import { jsonPackets } from './json-packets.js';
import type { LiveHub } from './live-hub.js';
import { deltaFor, ROOM_KINDS, roomViewOf, type RoomView } from './room-view.js';
import { parseSocketInput } from './socket-input.js';

/**
 * What the server keeps per socket: the view it was given in each project it joined, and what
 * it may see of the attention room (attention-room.ts).
 */
export interface SocketData {
  views?: Map<string, RoomView>;
  attention?: AttentionMembership;
  /** The projects a socket in the scoped projects room may see (it may not list them all). */
  projects?: ReadonlySet<string>;
}
export type WharfServer = Server<ClientToServerEvents, ServerToClientEvents, object, SocketData>;
export type WharfSocket = Socket<ClientToServerEvents, ServerToClientEvents, object, SocketData>;

const projectRoom = (p: string) => `project:${p}`;
const viewRoom = (v: RoomView) => `view:${v.project}:${v.key}`;
function parseViewRoom(room: string): { project: string; key: string } | undefined {
  const m = /^view:([^:]+):(.*)$/.exec(room);
  return m ? { project: m[1] ?? '', key: m[2] ?? '' } : undefined;
}
/**
 * Socket messages larger than this many bytes are compressed (the snapshot); deltas go out as
 * they are. ws honours the threshold only without context takeover: with it, every message to
 * every socket went through that socket's own deflate (see bench/scale, fan-out).
 */
const DEFLATE_THRESHOLD = 16 * 1024;
const PROJECTS_ROOM = 'projects';
/** Sockets that see only some projects; each gets the list's deltas filtered to its own. */
const SCOPED_PROJECTS_ROOM = 'projects:scoped';

function errorBody(err: unknown): ApiErrorBody {
  const e = toHttp(err);
  return { name: e.name, message: e.message };
}

/** Runs a handler and answers its ack with `{data}` or `{error}`; a missing ack is ignored. */
export function handle<T>(ack: unknown, log: Logger, work: () => Promise<T>): void {
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
  /** Why a handshake comes from another origin (as REST's CSRF guard decides), or undefined. */
  originRefusal: (req: IncomingMessage) => string | undefined;
  /** The served web build's entry script (web-app.ts), told to each socket; unset without one. */
  webBuild: string | undefined;
}

/** One socket in one project room: what identity's access sweep re-checks. */
export interface RoomMember {
  project: string;
  /** The socket's handshake request (its cookie names the signed-in user). */
  request: Request;
  /** The kinds the socket was given when it joined. */
  view: RoomView;
  /** Takes the socket out of the room and tells it why (it may join again and be refused). */
  leave(reason: string): void;
}

/** A project's views present now, by key; each view room gets its own filtered messages. */
type Views = Map<string, Map<string, RoomView>>;

/**
 * socket.io on the websocket transport only, so replicas need no sticky sessions. A handshake
 * from another origin is refused as REST refuses it; each project room sends a socket only the
 * kinds it may read (room-view.ts).
 */
export function attachSockets(deps: SocketDeps): {
  io: WharfServer;
  hub: LiveHub;
  members(): Iterable<RoomMember>;
  /** Asks again which projects each scoped member of the projects list may see. */
  recheckProjects(): Promise<void>;
  close(): Promise<void>;
} {
  const io: WharfServer = new Server(deps.httpServer, {
    path: `${deps.basePath}${SOCKET_PATH}`,
    transports: ['websocket'],
    serveClient: false,
    // Clients send joins, leaves and freight requests, a few hundred bytes each.
    maxHttpBufferSize: 32 * 1024,
    // Snapshots and freight pages compress several-fold; small deltas are sent as they are, so
    // a change fanned out to many sockets is not compressed once per socket. Level 1: a 3,000-stage
    // snapshot (5.9 MB of JSON) deflates in about a third of the default level's time, to 560 KB
    // instead of 430 KB; every joining socket pays that time (bench/scale).
    perMessageDeflate: {
      threshold: DEFLATE_THRESHOLD,
      serverNoContextTakeover: true,
      zlibDeflateOptions: { level: 1 },
    },
    // Packets written from the views' kept JSON text (json-packets.ts).
    parser: jsonPackets,
    allowRequest: (req, callback) => {
      const refusal = deps.originRefusal(req);
      if (refusal) deps.logger.info({ refusal }, 'socket handshake refused');
      callback(refusal ?? null, !refusal);
    },
  });
  const views: Views = new Map();
  const viewsOf = (project: string) => views.get(project)?.values() ?? [];
  const emit = (event: string) => deps.metrics.socketMessages.inc({ event });
  const hub = deps.hub({
    projectDelta: (d) => {
      const delta = ProjectDeltaSchema.parse(d);
      for (const view of viewsOf(d.project)) {
        io.to(viewRoom(view)).emit('project:delta', deltaFor(delta, view));
        emit('project:delta');
      }
    },
    events: (project, events) => {
      const delta = EventsDeltaSchema.parse({ project, events });
      for (const view of viewsOf(project)) {
        if (!view.kinds.has('events')) continue;
        io.to(viewRoom(view)).emit('events:delta', delta);
        emit('events:delta');
      }
    },
    projectsDelta: (d) => {
      const delta = ProjectsDeltaSchema.parse(d);
      io.to(PROJECTS_ROOM).emit('projects:delta', delta);
      emit('projects:delta');
      // Every scoped socket gets every version (maybe empty), so its chain of versions holds.
      for (const socket of scopedProjectsSockets()) {
        const mine = socket.data.projects ?? new Set<string>();
        socket.emit('projects:delta', {
          ...delta,
          upserts: delta.upserts.filter((p) => mine.has(p.name)),
          deletes: delta.deletes.filter((n) => mine.has(n)),
        });
        emit('projects:delta');
        // A project it has not seen may be one it may see (its creator's, say): ask again.
        if (delta.upserts.some((p) => !mine.has(p.name))) void recheckProjectsOf(socket);
      }
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
  function* scopedProjectsSockets(): Iterable<WharfSocket> {
    for (const id of io.of('/').adapter.rooms.get(SCOPED_PROJECTS_ROOM) ?? []) {
      const socket = io.of('/').sockets.get(id);
      if (socket) yield socket;
    }
  }
  const leaveProjects = (socket: WharfSocket) => {
    delete socket.data.projects;
    void socket.leave(SCOPED_PROJECTS_ROOM);
    void socket.leave(PROJECTS_ROOM);
  };
  /** Which projects the caller may see: all (undefined), or exactly these. */
  const projectsVisibleTo = async (caller: Caller): Promise<Set<string> | undefined> => {
    const all = await caller.authorize({ verb: 'list', group: KARGO_GROUP, resource: 'projects' });
    if (all.allowed) return undefined;
    const names = hub.projects.snapshot().items.map((p) => p.name);
    return new Set(await visibleProjects(caller, names));
  };
  /** A scoped socket whose projects changed (a role granted or revoked) is told to join again. */
  const recheckProjectsOf = async (socket: WharfSocket) => {
    const before = socket.data.projects;
    if (!before) return;
    let reason: string | undefined;
    try {
      const now = await projectsVisibleTo(await deps.resolveCaller(socket.request as Request));
      if (!now || now.size !== before.size || [...now].some((n) => !before.has(n)))
        reason = 'The projects you may see changed; joining again shows them.';
    } catch (err) {
      reason = err instanceof Error ? err.message : 'Your session is no longer valid.';
    }
    if (!reason || socket.data.projects !== before) return;
    leaveProjects(socket);
    socket.emit('resync-required', { scope: 'projects', reason });
    emit('resync-required');
  };
  io.of('/').adapter.on('delete-room', (room: string) => {
    if (room.startsWith('project:')) hub.dropRoom(room.slice('project:'.length));
    const view = parseViewRoom(room);
    if (view) views.get(view.project)?.delete(view.key);
  });

  /** Puts the socket in the project's room and its view's room, leaving any older view. */
  const joinView = (socket: WharfSocket, view: RoomView) => {
    const old = socket.data.views?.get(view.project);
    if (old && old.key !== view.key) void socket.leave(viewRoom(old));
    (socket.data.views ??= new Map()).set(view.project, view);
    let byKey = views.get(view.project);
    if (!byKey) views.set(view.project, (byKey = new Map()));
    byKey.set(view.key, view);
    void socket.join([projectRoom(view.project), viewRoom(view)]);
  };
  const leaveProject = (socket: WharfSocket, project: string) => {
    const view = socket.data.views?.get(project);
    socket.data.views?.delete(project);
    if (view) void socket.leave(viewRoom(view));
    void socket.leave(projectRoom(project));
  };

  io.on('connection', (socket: WharfSocket) => {
    deps.metrics.connectedSockets.inc();
    // socket.io frames a broadcast (a delta to every socket of a view) once, but engine.io sends
    // that frame only when it believes the socket has no per-message deflate; otherwise it frames
    // the delta again for each of 1,000 sockets. ws still decides compression for every other
    // message (the snapshot, over DEFLATE_THRESHOLD), so only broadcasts go out as framed once,
    // uncompressed (deltas are small; a large one costs bytes, not 1,000 compressions).
    Object.assign(socket.conn.transport, { perMessageDeflate: null });
    socket.on('disconnect', () => deps.metrics.connectedSockets.dec());
    // Before any join's answer: a page of another build learns it before it reads one.
    if (deps.webBuild) socket.emit('wharf:build', { entry: deps.webBuild });
    // The handshake is the HTTP upgrade request; identity reads only its headers (cookies).
    const request = socket.request as Request;
    const log = deps.logger.child({ socket: socket.id });

    socket.on('project:join', (raw, ack) =>
      handle(ack, log, async (): Promise<ProjectJoinResult> => {
        const req = parseSocketInput(ProjectJoinRequestSchema, raw, 'project:join');
        const caller = await deps.resolveCaller(request);
        const ns = req.project;
        const view = await roomViewOf(caller, ns);
        if (!hub.models().reader(ns).projectObject())
          throw new NotFoundError(`There is no project "${ns}".`);
        // Synchronous from here on: no change can slip between the snapshot/replay and joining.
        // Replays go out after the ack (setImmediate runs before any flush timer). A socket
        // that may not see every kind always starts from a snapshot of what it may see now.
        const room = hub.room(ns);
        const full = view.kinds.size === ROOM_KINDS.length;
        const replay = req.version && full ? room.log.since(req.version) : undefined;
        joinView(socket, view);
        if (replay) {
          setImmediate(() => replay.forEach((d) => socket.emit('project:delta', d)));
          return { mode: 'resumed', version: req.version ?? room.log.version };
        }
        if (req.encoding === 'gzip') return { mode: 'packed', gzip: room.packedSnapshotAs(view) };
        return { mode: 'snapshot', snapshot: room.snapshotAs(view) };
      }),
    );

    /** Refuses a request for `kind` of a project the socket has not joined or may not list. */
    const requireJoinedWith = (project: string, kind: ProjectEntityKind): void => {
      const view = socket.data.views?.get(project);
      if (!view) throw new InputError(`Join project "${project}" before asking for its ${kind}.`);
      if (!view.kinds.has(kind))
        throw new ForbiddenError(
          view.withheld.find((w) => w.kind === kind)?.message ??
            `You may not list ${kind} in "${project}".`,
        );
    };

    // Pages and lookups for a socket in the room; the answers go out on the same connection as
    // the deltas, so the browser can merge them with what it holds.
    const roomRequest = <S extends z.ZodType<{ project: string }>>(
      event: 'project:freight' | 'project:promotions',
      schema: S,
      kind: ProjectEntityKind,
      answer: (models: ReadModels, req: z.output<S>) => unknown,
    ) =>
      socket.on(event, (raw: unknown, ack: unknown) =>
        handle(ack, log, async () => {
          const req = parseSocketInput(schema, raw, event);
          requireJoinedWith(req.project, kind);
          return answer(hub.models(), req);
        }),
      );
    roomRequest('project:freight', ProjectFreightRequestSchema, 'freight', (models, req) =>
      models.freightWindow(models.reader(req.project), req),
    );
    roomRequest('project:promotions', ProjectPromotionsRequestSchema, 'promotions', (models, req) =>
      models.promotionWindow(models.reader(req.project), req),
    );

    socket.on('project:leave', (raw, ack) =>
      handle(ack, log, async () => {
        const req = parseSocketInput(ProjectLeaveRequestSchema, raw, 'project:leave');
        const was = socket.rooms.has(projectRoom(req.project));
        leaveProject(socket, req.project);
        return { left: was };
      }),
    );

    socket.on('projects:join', (raw, ack) =>
      handle(ack, log, async (): Promise<ProjectsJoinResult> => {
        const req = parseSocketInput(ProjectsJoinRequestSchema, raw ?? {}, 'projects:join');
        const caller = await deps.resolveCaller(request);
        const scoped = await projectsVisibleTo(caller);
        leaveProjects(socket);
        if (scoped) {
          // Synchronous from here: the snapshot and joining see the same version.
          socket.data.projects = scoped;
          void socket.join(SCOPED_PROJECTS_ROOM);
          const snap = hub.projects.snapshot();
          const items = snap.items.filter((p) => scoped.has(p.name));
          return { mode: 'snapshot', version: snap.version, items };
        }
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
        const was = socket.rooms.has(PROJECTS_ROOM) || socket.rooms.has(SCOPED_PROJECTS_ROOM);
        leaveProjects(socket);
        return { left: was };
      }),
    );
  });
  function* members(): Iterable<RoomMember> {
    for (const socket of io.of('/').sockets.values()) {
      for (const [project, view] of socket.data.views ?? []) {
        yield {
          project,
          view,
          request: socket.request as Request,
          leave: (reason) => {
            leaveProject(socket, project);
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
    recheckProjects: async () => {
      await Promise.all([...scopedProjectsSockets()].map(recheckProjectsOf));
    },
    close: () =>
      new Promise<void>((resolve) => {
        hub.stop();
        void io.close(() => resolve());
      }),
  };
}
