import { connected, emitWithAck } from './join';
import { projectField, RoomInbox } from './room-inbox';
import { getSocket } from './socket';

/** `access:changed` pushes by project, kept from the join until the page listens. */
export const accessChanges = new RoomInbox(getSocket, 'access:changed', projectField);

/**
 * Access rooms (`access:changed` pushes for a project's RBAC) this socket has joined or is
 * joining. A connection starts in no room, so a disconnect forgets them all.
 */
const rooms = new Map<string, Promise<void>>();
/** The join each project's capabilities were last asked under (undefined: outside any room). */
const askedUnder = new Map<string, Promise<void> | undefined>();
let watching = false;

/** Joins `project`'s access room, or answers the join already made on this connection. */
export function joinAccessRoom(project: string): Promise<void> {
  const held = rooms.get(project);
  if (held) return held;
  const socket = getSocket();
  if (!watching) {
    watching = true;
    socket.on('disconnect', () => rooms.clear());
  }
  const join = (async () => {
    await connected();
    accessChanges.expect(project);
    await emitWithAck((ack) => socket.emit('access:join', { project }, ack));
  })();
  rooms.set(project, join);
  join.catch(() => {
    if (rooms.get(project) === join) rooms.delete(project);
  });
  return join;
}

export function leaveAccessRoom(project: string): void {
  rooms.delete(project);
  accessChanges.forget(project);
  const socket = getSocket();
  if (socket.connected) socket.emit('access:leave', { project }, () => undefined);
}

/**
 * Before asking for capabilities: waits for a join of the project's access room in flight, so
 * the answer reflects every change up to the room's first push (none falls between the two).
 */
export async function beforeCapabilitiesRead(project: string): Promise<void> {
  const join = rooms.get(project);
  askedUnder.set(project, join);
  await join?.catch(() => undefined);
}

/**
 * Whether what the page holds of the project's access may miss a change the room will not push:
 * it was asked under another join (an earlier connection or visit) or outside any room. Nothing
 * asked yet (`asked` false) misses nothing.
 */
export function askedBefore(project: string, join: Promise<void>, asked: boolean): boolean {
  if (!askedUnder.has(project)) return asked;
  return askedUnder.get(project) !== join;
}
