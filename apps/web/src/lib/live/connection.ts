import { useSyncExternalStore } from 'react';

/**
 * What the user should believe about the data on screen:
 * `live` while the socket is connected and joined; otherwise `reconnecting` or `offline`,
 * with `staleSince` = when the data last was known to be current.
 */
export interface ConnectionState {
  status: 'connecting' | 'live' | 'reconnecting' | 'offline';
  staleSince: number | null;
}

let state: ConnectionState = { status: 'connecting', staleSince: null };
const listeners = new Set<() => void>();

export function setConnection(status: ConnectionState['status'], now = Date.now()): void {
  if (status === state.status) return;
  const staleSince =
    status === 'live' ? null : (state.staleSince ?? (state.status === 'live' ? now : null));
  state = { status, staleSince };
  listeners.forEach((l) => l());
}

export function getConnection(): ConnectionState {
  return state;
}

export function useConnection(): ConnectionState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}
