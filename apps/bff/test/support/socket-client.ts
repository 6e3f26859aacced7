import { io, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  ProjectDelta,
  ProjectsDelta,
  ResyncRequired,
  ServerBuild,
  EventsDelta,
  ServerToClientEvents,
} from '@wharf/shared/api';

export type WharfClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real socket.io client on the websocket transport that records every server event. */
export interface RecordingClient {
  socket: WharfClient;
  deltas: ProjectDelta[];
  projects: ProjectsDelta[];
  events: EventsDelta[];
  resyncs: ResyncRequired[];
  builds: ServerBuild[];
  close(): void;
}

/** Connects as a browser would: `headers` carry its cookie and Origin (a browser always sends one). */
export async function connectClient(
  url: string,
  headers: Record<string, string> = {},
): Promise<RecordingClient> {
  const socket: WharfClient = io(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: headers,
  });
  const c: RecordingClient = {
    socket,
    deltas: [],
    projects: [],
    events: [],
    resyncs: [],
    builds: [],
    close: () => socket.close(),
  };
  socket.on('project:delta', (d) => c.deltas.push(d));
  socket.on('projects:delta', (d) => c.projects.push(d));
  socket.on('events:delta', (d) => c.events.push(d));
  socket.on('resync-required', (m) => c.resyncs.push(m));
  socket.on('wharf:build', (m) => c.builds.push(m));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return c;
}
