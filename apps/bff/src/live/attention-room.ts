import type { Request } from 'express';
import type { Logger } from 'pino';
import {
  ActivityDeltaSchema,
  AttentionDeltaSchema,
  AttentionJoinRequestSchema,
  AttentionSnapshotSchema,
  ResyncRequiredSchema,
  type ActivityDelta,
  type AttentionDelta,
  type AttentionSnapshot,
} from '@wharf/shared/api';
import type { CallerResolver } from '../access/caller.js';
import type { AttentionIndex } from '../attention/attention-index.js';
import { attentionSnapshot } from '../attention/attention-snapshot.js';
import {
  attentionVisibility,
  itemsInView,
  type AttentionVisibility,
} from '../attention/attention-visibility.js';
import type { Metrics } from '../ops/metrics.js';
import type { RoomView } from './room-view.js';
import { parseSocketInput } from './socket-input.js';
import { handle, type WharfServer, type WharfSocket } from './socket-server.js';

/** What a socket in the attention room may see, as decided when it joined. */
export interface AttentionMembership {
  visibility: AttentionVisibility;
  rooms: string[];
}

/** Sockets that see every project share one room; the others one room per project and view. */
const EVERYWHERE = 'attention:*';
const viewRoom = (v: RoomView) => `attention:${v.project}:${v.key}`;
const RECENT_EVENTS = 30;

export interface AttentionRoomDeps {
  io: WharfServer;
  index: AttentionIndex;
  resolveCaller: CallerResolver;
  metrics: Metrics;
  logger: Logger;
  /** How often each member's visibility is asked again (revoked or granted access). */
  recheckMs?: number;
}

/**
 * The live cockpit: `attention:join` answers what the caller may see now; each project's change
 * goes out once per room of sockets that see it alike (filtered to the kinds they may read).
 * Every `recheckMs` each member's visibility is asked of Kubernetes again through the caller
 * seam, and a member whose answer changed (a role revoked or granted, a project created) is told
 * to join again.
 */
export function attachAttentionRoom(deps: AttentionRoomDeps): {
  recheck(): Promise<void>;
  /** The rooms whose members see `project` (its access changes reach the cockpit through them). */
  roomsSeeing(project: string): string[];
  stop(): void;
} {
  const { io, index } = deps;
  /** Per project, the views present in the room now. */
  const views = new Map<string, Map<string, RoomView>>();
  const count = (event: string) => deps.metrics.socketMessages.inc({ event });

  const leave = (socket: WharfSocket) => {
    const m = socket.data.attention;
    if (!m) return;
    for (const room of m.rooms) void socket.leave(room);
    delete socket.data.attention;
  };
  const join = (socket: WharfSocket, visibility: AttentionVisibility) => {
    leave(socket);
    let rooms: string[];
    if (visibility.everywhere) rooms = [EVERYWHERE];
    else {
      rooms = [];
      for (const v of visibility.views.values()) {
        let byKey = views.get(v.project);
        if (!byKey) views.set(v.project, (byKey = new Map()));
        byKey.set(v.key, v);
        rooms.push(viewRoom(v));
      }
    }
    socket.data.attention = { visibility, rooms };
    void socket.join(rooms);
  };
  io.of('/').adapter.on('delete-room', (room: string) => {
    const m = /^attention:([^:*]+):(.*)$/.exec(room);
    if (m) views.get(m[1] ?? '')?.delete(m[2] ?? '');
  });

  const onItems = (d: AttentionDelta) => {
    const delta = AttentionDeltaSchema.parse(d);
    io.to(EVERYWHERE).emit('attention:delta', delta);
    count('attention:delta');
    for (const v of views.get(d.project)?.values() ?? []) {
      io.to(viewRoom(v)).emit('attention:delta', {
        project: d.project,
        items: itemsInView(v, delta.items),
      });
      count('attention:delta');
    }
  };
  const onActivity = (d: ActivityDelta) => {
    const delta = ActivityDeltaSchema.parse(d);
    io.to(EVERYWHERE).emit('activity:delta', delta);
    count('activity:delta');
    for (const v of views.get(d.project)?.values() ?? []) {
      if (!v.kinds.has('events')) continue;
      io.to(viewRoom(v)).emit('activity:delta', delta);
      count('activity:delta');
    }
  };
  index.on('items', onItems);
  index.on('activity', onActivity);

  const resync = (socket: WharfSocket, reason: string) => {
    leave(socket);
    socket.emit('resync-required', ResyncRequiredSchema.parse({ scope: 'attention', reason }));
    count('resync-required');
  };

  /** Asks again what each member may see; a changed answer sends it back to join. */
  let running: Promise<void> | undefined;
  const recheck = (): Promise<void> =>
    (running ??= (async () => {
      const members = [...io.of('/').sockets.values()].filter((s) => s.data.attention);
      const projects = index.projects();
      await Promise.all(
        members.map(async (socket) => {
          const before = socket.data.attention?.visibility.key;
          try {
            const caller = await deps.resolveCaller(socket.request as Request);
            const now = await attentionVisibility(caller, projects);
            if (now.key !== before && socket.data.attention)
              resync(socket, 'What you may see changed; joining again shows it as it is now.');
          } catch (err) {
            resync(socket, err instanceof Error ? err.message : 'Your session is no longer valid.');
          }
        }),
      );
    })().finally(() => (running = undefined)));
  const timer = setInterval(() => {
    recheck().catch((err: unknown) => deps.logger.warn({ err }, 'attention recheck failed'));
  }, deps.recheckMs ?? 5000);
  timer.unref();
  // A project appearing or going changes which projects a scoped member may see.
  const onProjects = () => {
    for (const socket of io.of('/').sockets.values()) {
      const m = socket.data.attention;
      if (m && !m.visibility.everywhere)
        resync(socket, 'The projects changed; joining again shows the ones you may see.');
    }
  };
  index.on('projects', onProjects);

  io.on('connection', (socket: WharfSocket) => {
    const log = deps.logger.child({ socket: socket.id });
    socket.on('attention:join', (raw, ack) =>
      handle(ack, log, async (): Promise<AttentionSnapshot> => {
        parseSocketInput(AttentionJoinRequestSchema, raw ?? {}, 'attention:join');
        const caller = await deps.resolveCaller(socket.request as Request);
        const visibility = await attentionVisibility(caller, index.projects());
        // Synchronous from here: the snapshot and joining the rooms see the same index state.
        const snapshot = attentionSnapshot(index, visibility, { activity: RECENT_EVENTS });
        join(socket, visibility);
        return AttentionSnapshotSchema.parse(snapshot);
      }),
    );
    socket.on('attention:leave', (_raw, ack) =>
      handle(ack, log, async () => {
        const was = socket.data.attention !== undefined;
        leave(socket);
        return { left: was };
      }),
    );
  });

  return {
    recheck,
    roomsSeeing: (project) => [
      EVERYWHERE,
      ...[...(views.get(project)?.values() ?? [])].map(viewRoom),
    ],
    stop: () => {
      clearInterval(timer);
      index.off('items', onItems);
      index.off('activity', onActivity);
      index.off('projects', onProjects);
    },
  };
}
