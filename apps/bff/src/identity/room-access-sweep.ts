import type { Request } from 'express';
import type { AccessCheck, CallerResolver } from './caller-seam.js';

/** One socket in one project room, as the socket layer sees it. */
export interface RoomMember {
  project: string;
  /** The socket's handshake request: its cookie names the signed-in user. */
  request: Request;
  /** Take the socket out of the room and tell it why. */
  leave(reason: string): void;
}

/** What a socket must still be allowed to do to stay in a project room (the same as to join). */
export const roomChecks = (project: string): AccessCheck[] =>
  ['list', 'watch'].map((verb) => ({
    verb,
    group: 'kargo.akuity.io',
    resource: 'stages',
    namespace: project,
  }));

/** Why the member may no longer be in the room, or undefined while it still may. */
export async function roomRefusal(
  resolveCaller: CallerResolver,
  m: RoomMember,
): Promise<string | undefined> {
  try {
    const caller = await resolveCaller(m.request);
    for (const check of roomChecks(m.project)) {
      const d = await caller.authorize(check);
      if (!d.allowed) return d.reason;
    }
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : 'Your session is no longer valid.';
  }
}

/**
 * Re-checks every room member every `intervalMs`. With access decisions cached for a few
 * seconds, a revoked role takes a socket out of the room within about interval + cache TTL.
 */
export function startRoomAccessSweep(opts: {
  resolveCaller: CallerResolver;
  members: () => Iterable<RoomMember>;
  intervalMs?: number;
  onError?: (err: unknown) => void;
}) {
  let running: Promise<number> | undefined;
  const sweep = async (): Promise<number> => {
    let evicted = 0;
    await Promise.all(
      [...opts.members()].map(async (m) => {
        const reason = await roomRefusal(opts.resolveCaller, m);
        if (reason) {
          m.leave(reason);
          evicted++;
        }
      }),
    );
    return evicted;
  };
  const timer = setInterval(() => {
    if (running) return;
    running = sweep()
      .catch((err: unknown) => (opts.onError?.(err), 0))
      .finally(() => (running = undefined));
  }, opts.intervalMs ?? 2000);
  timer.unref();
  return { sweep, stop: () => clearInterval(timer) };
}
