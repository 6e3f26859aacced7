import { roomViewOf, sameKinds } from '../live/room-view.js';
import type { RoomMember } from '../live/socket-server.js';
import type { CallerResolver } from './caller-seam.js';

export type { RoomMember };

/**
 * Why the member may no longer be in the room as it joined, or undefined while it still may:
 * its session must still be valid, and Kubernetes must still allow exactly the kinds it was given
 * (a changed answer takes it out, so it joins again and gets a snapshot of what it may see now).
 */
export async function roomRefusal(
  resolveCaller: CallerResolver,
  m: RoomMember,
): Promise<string | undefined> {
  try {
    const now = await roomViewOf(await resolveCaller(m.request), m.project);
    if (sameKinds(now.kinds, m.view.kinds)) return undefined;
    return 'What you may see in this project changed; joining again shows it as it is now.';
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
