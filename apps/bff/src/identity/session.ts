import { EncryptJWT, jwtDecrypt } from 'jose';
import { z } from 'zod';
import { AuthMethodSchema } from '@wharf/shared/api';

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
}

const AUDIENCE = 'wharf-session';

/** Seals sessions (and other short-lived state) into encrypted, authenticated JWTs (dir + A256GCM). */
export class SessionSealer {
  constructor(private readonly key: Uint8Array) {}

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
    try {
      const { payload } = await jwtDecrypt(value, this.key, { audience: purpose });
      return payload;
    } catch {
      return undefined;
    }
  }

  async sealSession(session: Session, ttlSeconds: number) {
    return this.seal(session, ttlSeconds);
  }

  async openSession(value: string): Promise<OpenedSession | undefined> {
    const payload = await this.open(value);
    const parsed = SessionSchema.safeParse(payload);
    if (!parsed.success || typeof payload?.exp !== 'number') return undefined;
    return { ...parsed.data, exp: payload.exp };
  }
}
