import type { ApiErrorBody } from '@wharf/shared/api';
import { HttpError, notifyUnauthorized } from '@/lib/http';
import { getSocket } from './socket';

/** The callback a request on the socket is answered through. */
export type AckCallback<T> = (ack: { data: T } | { error: ApiErrorBody }) => void;

/** Emits a join with an ack and a timeout; `{error}` acks become an HttpError-like rejection. */
export function emitWithAck<T>(
  emit: (ack: AckCallback<T>) => void,
  timeoutMs = 15_000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('The server did not answer the join in time.')),
      timeoutMs,
    );
    emit((ack) => {
      clearTimeout(timer);
      if ('data' in ack) resolve(ack.data);
      else {
        const status: number =
          ack.error.name === 'ForbiddenError'
            ? 403
            : ack.error.name === 'NotFoundError'
              ? 404
              : ack.error.name === 'UnauthorizedError'
                ? 401
                : 500;
        if (status === 401) notifyUnauthorized();
        reject(new HttpError(status, ack.error.message, ack.error.name));
      }
    });
  });
}

/**
 * Resolves once the socket is connected (joins sent while offline would be lost). A socket
 * dropped after its session ended connects again, with the cookie of the current sign-in.
 */
export function connected(): Promise<void> {
  const s = getSocket();
  if (s.connected) return Promise.resolve();
  if (!s.active) s.connect();
  return new Promise((resolve) => s.once('connect', () => resolve()));
}

/** Project rooms this socket has joined or is joining: reads of a room wait for its join. */
const rooms = new Map<string, Promise<void>>();
let watching = false;

/**
 * Records a join of `project`'s room in flight; a failed join is forgotten, and so is every
 * room when the connection drops (a page mounting later joins again instead of trusting it).
 */
export function trackRoomJoin(project: string, join: Promise<unknown>): void {
  if (!watching) {
    watching = true;
    getSocket().on('disconnect', () => rooms.clear());
  }
  const done = join.then(
    () => undefined,
    () => {
      if (rooms.get(project) === done) rooms.delete(project);
    },
  );
  rooms.set(project, done);
}

/** The room was left. */
export function forgetRoomJoin(project: string): void {
  rooms.delete(project);
}

export function inRoom(project: string): boolean {
  return rooms.has(project);
}

/** Resolves once a join of `project`'s room in flight has answered (at once when none is). */
export function whenInRoom(project: string): Promise<void> {
  return rooms.get(project) ?? Promise.resolve();
}
