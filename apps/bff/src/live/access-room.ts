import type { Request } from 'express';
import type { Logger } from 'pino';
import { AccessChangedSchema, AccessJoinRequestSchema } from '@wharf/shared/api';
import type { Caller, CallerResolver } from '../access/caller.js';
import { visibleProjects } from '../access/visible-projects.js';
import type { ClusterCache } from '../cache/cluster-cache.js';
import type { KindName } from '../cache/kinds.js';
import { ForbiddenError, NotFoundError } from '../errors/http-errors.js';
import type { Metrics } from '../ops/metrics.js';
import { kindCheck } from './room-view.js';
import { parseSocketInput } from './socket-input.js';
import { handle, type WharfServer } from './socket-server.js';

/** The kinds whose changes change what someone may do in a project (Kargo's roles are these). */
const ACCESS_KINDS: ReadonlySet<KindName> = new Set(['serviceaccounts', 'roles', 'rolebindings']);
const accessRoom = (project: string) => `access:${project}`;

export interface AccessRoomDeps {
  io: WharfServer;
  cache: ClusterCache;
  resolveCaller: CallerResolver;
  metrics: Metrics;
  logger: Logger;
  /**
   * Other rooms whose members may see the project and are told too, in the same push (a socket
   * in several gets it once): the cockpit's, so its batched capabilities need no room per project.
   */
  alsoTell?: (project: string) => readonly string[];
  /** Runs first on every change (identity forgets its decisions and re-checks rooms). */
  onAccessChange?: (namespace: string) => void;
  /** Changes within this window are told once per namespace. */
  windowMs?: number;
}

/**
 * Pushes RBAC changes instead of having browsers poll: a signed-in socket watches a project with
 * `access:join`; when the BFF's watches see a ServiceAccount, Role or RoleBinding of that
 * namespace change, identity forgets its cached decisions and the room gets `access:changed`,
 * which carries nothing but the project's name the socket asked for. The same push reaches the
 * rooms `alsoTell` names, so a change costs one emit whoever watches.
 */
/**
 * A project's RBAC activity is told only to those who may see the project (its page: list its
 * stages; or the project list: get it), and only for projects that exist: otherwise any
 * signed-in socket could follow any namespace's role changes, and join rooms without bound.
 */
async function mayWatchAccess(caller: Caller, project: string, cache: ClusterCache) {
  if (!cache.get('projects').get(undefined, project))
    throw new NotFoundError(`There is no project "${project}".`);
  const stages = await caller.authorize(kindCheck('stages', project));
  if (stages.allowed || (await visibleProjects(caller, [project])).length > 0) return;
  throw new ForbiddenError(stages.reason);
}

export function attachAccessRoom(deps: AccessRoomDeps): { stop(): void } {
  const { io } = deps;
  const pending = new Map<string, NodeJS.Timeout>();
  const tell = (namespace: string) => {
    pending.delete(namespace);
    deps.onAccessChange?.(namespace);
    io.to([accessRoom(namespace), ...(deps.alsoTell?.(namespace) ?? [])]).emit(
      'access:changed',
      AccessChangedSchema.parse({ project: namespace }),
    );
    deps.metrics.socketMessages.inc({ event: 'access:changed' });
  };
  const onChange = ({ kind, change }: { kind: KindName; change: { obj: unknown } }) => {
    if (!ACCESS_KINDS.has(kind)) return;
    const ns = (change.obj as { metadata?: { namespace?: string } }).metadata?.namespace;
    if (!ns || pending.has(ns)) return;
    pending.set(
      ns,
      setTimeout(() => tell(ns), deps.windowMs ?? 50),
    );
  };
  deps.cache.on('change', onChange);

  io.on('connection', (socket) => {
    const log = deps.logger.child({ socket: socket.id });
    socket.on('access:join', (raw, ack) =>
      handle(ack, log, async () => {
        const req = parseSocketInput(AccessJoinRequestSchema, raw, 'access:join');
        const caller = await deps.resolveCaller(socket.request as Request);
        await mayWatchAccess(caller, req.project, deps.cache);
        await socket.join(accessRoom(req.project));
        return { watching: true as const };
      }),
    );
    socket.on('access:leave', (raw, ack) =>
      handle(ack, log, async () => {
        const req = parseSocketInput(AccessJoinRequestSchema, raw, 'access:leave');
        const was = socket.rooms.has(accessRoom(req.project));
        await socket.leave(accessRoom(req.project));
        return { left: was };
      }),
    );
  });

  return {
    stop: () => {
      deps.cache.off('change', onChange);
      for (const t of pending.values()) clearTimeout(t);
      pending.clear();
    },
  };
}
