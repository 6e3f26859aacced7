import { randomBytes } from 'node:crypto';
import { EncryptJWT, decodeJwt, jwtDecrypt } from 'jose';
import { z } from 'zod';
import { AuthMethodSchema } from '@wharf/shared/api';
import { identityClaims } from './oidc-client.js';
import { groupsOf } from './oidc-session.js';

const ClaimValue = z.union([z.string(), z.array(z.string())]);

/** Everything a replica needs to serve a request, sealed in the cookie (no server-side store). */
export const SessionSchema = z.object({
  method: AuthMethodSchema,
  username: z.string(),
  actor: z.string(),
  groups: z.array(z.string()),
  email: z.string().optional(),
  /** kubernetes-token only: the caller's own bearer token; requests go out as it. */
  token: z.string().optional(),
  /** admin only: the admin password's generation when signed in; a new password ends the session. */
  adminKey: z.string().optional(),
  oidc: z
    .object({
      claims: z.record(z.string(), ClaimValue),
      refreshToken: z.string().optional(),
      idToken: z.string().optional(),
      /** Epoch seconds when the ID token expires; refresh before it. */
      expiresAt: z.number(),
    })
    .optional(),
});
export type Session = z.infer<typeof SessionSchema>;
export type SessionClaims = NonNullable<Session['oidc']>['claims'];

export interface OpenedSession extends Session {
  /** Epoch seconds. */
  exp: number;
  /** This sign-in's id, what a sign-out revokes. */
  sid: string;
  /** Epoch milliseconds it was issued. */
  issuedAt: number;
}

/** What each sealed session carries besides the Session: its id and when it was issued. */
const SealedSchema = z.object({ sid: z.string().min(16), iatMs: z.number() });

/**
 * The cookie holds each thing once: an OIDC session drops its groups (they are the `groups`
 * claim), and with an ID token its claims too (they are the token's); both come back when the
 * cookie is opened. A large `groups` claim would otherwise be stored three times.
 */
function compact(session: Session): Record<string, unknown> {
  if (session.method !== 'oidc' || !session.oidc) return session;
  const { groups: _fromClaims, ...rest } = session;
  if (!session.oidc.idToken) return rest;
  const { claims: _fromToken, ...oidc } = session.oidc;
  return { ...rest, oidc };
}

function expand(payload: Record<string, unknown>): unknown {
  if (payload.method !== 'oidc' || payload.groups) return payload;
  const oidc = payload.oidc as { idToken?: unknown; claims?: SessionClaims } | undefined;
  const claims =
    oidc?.claims ??
    (typeof oidc?.idToken === 'string' ? identityClaims(decodeJwt(oidc.idToken)) : {});
  return { ...payload, groups: groupsOf(claims), oidc: { ...oidc, claims } };
}

const AUDIENCE = 'wharf-session';
/** Opened sessions kept (a few KB each at most). */
const OPENED_SESSIONS = 10_000;

/** Seals sessions (and other short-lived state) into encrypted, authenticated JWTs (dir + A256GCM). */
export class SessionSealer {
  private readonly keys: Uint8Array[];

  /** The first key seals; every key opens (so a new key can be added before the old one goes). */
  constructor(keys: Uint8Array | readonly Uint8Array[]) {
    this.keys = keys instanceof Uint8Array ? [keys] : [...keys];
    if (this.keys.length === 0) throw new Error('SessionSealer needs at least one key.');
  }

  private get key(): Uint8Array {
    return this.keys[0] as Uint8Array;
  }

  async seal(payload: Record<string, unknown>, ttlSeconds: number, purpose = AUDIENCE) {
    return new EncryptJWT(payload)
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setIssuedAt()
      .setAudience(purpose)
      .setExpirationTime(`${ttlSeconds}s`)
      .encrypt(this.key);
  }

  /** The payload, or undefined when the value was tampered with, expired, or sealed for another purpose. */
  async open(value: string, purpose = AUDIENCE): Promise<Record<string, unknown> | undefined> {
    for (const key of this.keys) {
      try {
        const { payload } = await jwtDecrypt(value, key, { audience: purpose });
        return payload;
      } catch {
        // another key, or not ours
      }
    }
    return undefined;
  }

  /**
   * Seals a session issued now. A new sign-in gets a fresh session id; a refresh keeps its
   * sign-in's (`sid`), so signing out ends every cookie that sign-in was ever given.
   */
  async sealSession(session: Session, ttlSeconds: number, sid?: string) {
    const sealed = { sid: sid ?? randomBytes(16).toString('base64url'), iatMs: Date.now() };
    return this.seal({ ...compact(session), ...sealed }, ttlSeconds);
  }

  /**
   * Sessions opened lately, by their sealed value: every socket's session is opened again at each
   * room access sweep, and decrypting a thousand cookies every few seconds was a steady share of
   * the BFF's CPU. The sealed value is authenticated, so equal values open to equal sessions;
   * expiry is checked again on every hit. Bounded: the oldest entry goes first.
   */
  private readonly opened = new Map<string, OpenedSession>();

  async openSession(value: string): Promise<OpenedSession | undefined> {
    const hit = this.opened.get(value);
    if (hit) {
      if (hit.exp * 1000 > Date.now()) return hit;
      this.opened.delete(value);
    }
    const session = await this.decryptSession(value);
    if (session) {
      if (this.opened.size >= OPENED_SESSIONS) {
        const oldest = this.opened.keys().next();
        if (!oldest.done) this.opened.delete(oldest.value);
      }
      this.opened.set(value, session);
    }
    return session;
  }

  private async decryptSession(value: string): Promise<OpenedSession | undefined> {
    const payload = await this.open(value);
    if (!payload || typeof payload.exp !== 'number') return undefined;
    const sealed = SealedSchema.safeParse(payload);
    let parsed;
    try {
      parsed = SessionSchema.safeParse(expand(payload));
    } catch {
      return undefined; // an ID token that no longer decodes: the cookie is not ours to trust
    }
    if (!parsed.success || !sealed.success) return undefined;
    return { ...parsed.data, exp: payload.exp, sid: sealed.data.sid, issuedAt: sealed.data.iatMs };
  }
}
