/** What a room's pushes arrive on: the page's socket, or any emitter in a test. */
export interface PushSource {
  on(event: string, listener: (raw: unknown) => void): unknown;
}

/** Pushes kept for a room nobody listens to yet; beyond this the listener is told it missed some. */
const KEEP_AT_MOST = 500;

type Waiting = { pushes: unknown[]; overflowed: boolean };
type Listener = { onPush: (raw: unknown) => void; onMissed: () => void };

/**
 * One kind of push (`project:delta`, `access:changed`, …) routed to its room's listeners. A route
 * loader joins a room before its screen has mounted and listens: pushes that arrive in between
 * are kept, in order, and handed to the first listener, so no change falls between the join's
 * answer and the screen (the room would not send it again).
 */
export class RoomInbox {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly waiting = new Map<string, Waiting>();
  private attached = false;

  constructor(
    private readonly source: () => PushSource,
    private readonly event: string,
    private readonly roomOf: (raw: unknown) => string | undefined,
  ) {}

  /** A join of `room` is being sent: keep its pushes until someone listens. */
  expect(room: string): void {
    this.attach();
    if (!this.listeners.has(room) && !this.waiting.has(room))
      this.waiting.set(room, { pushes: [], overflowed: false });
  }

  /**
   * Hands `room`'s pushes to `onPush`, those kept since its join first; `onMissed` runs (once,
   * now) when more were kept than fit, and the listener should start over from a snapshot.
   */
  listen(room: string, onPush: (raw: unknown) => void, onMissed: () => void): () => void {
    this.attach();
    const listener = { onPush, onMissed };
    const set = this.listeners.get(room) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(room, set);
    const kept = this.waiting.get(room);
    this.waiting.delete(room);
    if (kept?.overflowed) onMissed();
    else kept?.pushes.forEach(onPush);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(room) === set) this.listeners.delete(room);
    };
  }

  /** The room was left (or the connection dropped): nothing more to keep for it. */
  forget(room: string): void {
    this.waiting.delete(room);
  }

  private attach(): void {
    if (this.attached) return;
    this.attached = true;
    this.source().on(this.event, (raw) => this.route(raw));
  }

  private route(raw: unknown): void {
    const room = this.roomOf(raw);
    if (room === undefined) return;
    const set = this.listeners.get(room);
    if (set) {
      [...set].forEach((l) => l.onPush(raw));
      return;
    }
    const kept = this.waiting.get(room);
    if (!kept || kept.overflowed) return;
    if (kept.pushes.length >= KEEP_AT_MOST) {
      kept.pushes = [];
      kept.overflowed = true;
    } else kept.pushes.push(raw);
  }
}

/** The `project` field most room pushes carry, read without trusting the rest of the body. */
export function projectField(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null || !('project' in raw)) return undefined;
  return typeof raw.project === 'string' ? raw.project : undefined;
}
