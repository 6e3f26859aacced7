import { z } from 'zod';
import type { OwnSecret } from '../own-state/own-secret.js';

/**
 * The Secret in Wharf's namespace that every replica shares (session key, admin password hash,
 * and, under KEY, revoked sessions), as deploy/rbac names it.
 */
export const WHARF_SECRET = 'wharf-secret';
const KEY = 'revoked-sessions.json';

/**
 * Revoked session ids, each kept until its cookie would have expired anyway, so the list stays
 * bounded by the sign-outs of one session lifetime. Past MAX_ENTRIES the list is replaced by a
 * `notBefore` that ends every older session: a flood of sign-outs costs everyone a sign-in,
 * never a session that stays valid.
 */
const StateSchema = z.object({
  /** sid → the cookie's expiry (epoch seconds). */
  sessions: z.record(z.string(), z.number()).default({}),
  /** Epoch milliseconds; sessions issued before it are revoked. */
  notBefore: z.number().default(0),
});
type State = z.infer<typeof StateSchema>;
export const MAX_ENTRIES = 10_000;

export interface SessionRef {
  sid: string;
  /** Epoch milliseconds the session was issued. */
  issuedAt: number;
  /** Epoch seconds the cookie expires. */
  exp: number;
}

export class SessionRevocations {
  constructor(
    private readonly secret: OwnSecret,
    private readonly now: () => number = Date.now,
    private readonly maxEntries = MAX_ENTRIES,
  ) {}

  private state(): State {
    const text = this.secret.data()?.[KEY];
    const parsed = StateSchema.safeParse(text ? (JSON.parse(text) as unknown) : {});
    return parsed.success ? parsed.data : { sessions: {}, notBefore: 0 };
  }

  /** Waits (briefly) for the first read; fails closed, with 503, when it cannot be read. */
  async isRevoked(s: SessionRef): Promise<boolean> {
    await this.secret.synced();
    const state = this.state();
    return s.issuedAt < state.notBefore || s.sid in state.sessions;
  }

  /** Records the sign-out in Kubernetes, so every replica refuses the cookie from now on. */
  async revoke(s: SessionRef): Promise<void> {
    const nowS = Math.floor(this.now() / 1000);
    await this.secret.update((current) => {
      const parsed = StateSchema.safeParse(current?.[KEY] ? JSON.parse(current[KEY]) : {});
      const state = parsed.success ? parsed.data : { sessions: {}, notBefore: 0 };
      const live = Object.entries(state.sessions).filter(([, exp]) => exp > nowS);
      const next: State =
        live.length >= this.maxEntries
          ? { sessions: {}, notBefore: this.now() }
          : { sessions: Object.fromEntries([...live, [s.sid, s.exp]]), notBefore: state.notBefore };
      return { ...current, [KEY]: JSON.stringify(next) };
    });
    await this.seen(s);
  }

  /** The writing replica refuses the cookie at once: wait (briefly) for its own watch to say so. */
  private async seen(s: SessionRef): Promise<void> {
    const deadline = Date.now() + 3000;
    while (!(await this.isRevoked(s)) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
