import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@wharf/shared/api';
import { basePath } from '@/lib/base-path';
import { onUnauthorized } from '@/lib/http';
import { setConnection } from './connection';
import { noteServerBuild } from './server-build';

export type WharfSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: WharfSocket | undefined;

/**
 * The one socket of the page. socket.io reconnects with capped backoff by itself; rooms re-join
 * on every `connect` (see the room hooks), so a reconnect resyncs without reloading.
 */
export function getSocket(): WharfSocket {
  if (socket) return socket;
  const s: WharfSocket = io({
    path: `${basePath()}/socket.io`,
    transports: ['websocket'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
    withCredentials: true,
  });
  // The handshake carried the session cookie of its time: once the server says that session is
  // over (401), drop the connection; the next join connects again with the cookie of the next
  // sign-in.
  onUnauthorized(() => s.disconnect());
  s.on('connect', () => setConnection('live'));
  s.on('disconnect', () => setConnection('reconnecting'));
  s.on('connect_error', () => setConnection(s.active ? 'reconnecting' : 'offline'));
  s.on('wharf:build', (msg) => noteServerBuild(msg));
  socket = s;
  return s;
}

/**
 * After a silent refresh the cookie is new, but the socket's handshake still carries the old one,
 * and the server re-checks each socket's session by its handshake: once the old ID token is past
 * its grace, the socket would be taken out of its rooms and the user sent to sign in. Closing the
 * transport makes socket.io reconnect as after a network blip (the path the offline handling
 * already takes), handing the server the new cookie; rooms re-join on `connect`.
 */
export function renewSocketSession(): void {
  if (socket?.connected) socket.io.engine.close();
}
