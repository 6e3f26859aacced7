import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadAdminPassword } from '../../src/identity/admin-password.js';
import { loadSessionKey } from '../../src/identity/session-key.js';
import { type Session, SessionSealer } from '../../src/identity/session.js';

const dirs: string[] = [];
const tempDir = async () => {
  const d = await mkdtemp(join(tmpdir(), 'wharf-identity-'));
  dirs.push(d);
  return d;
};
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const session: Session = { method: 'admin', username: 'admin', actor: 'admin', groups: [] };

describe('sessions are sealed, not stored', () => {
  it('opens what it sealed, on any replica holding the same key', async () => {
    const key = await loadSessionKey(await tempDir(), 'a-shared-secret-of-at-least-32-characters');
    const other = await loadSessionKey(
      await tempDir(),
      'a-shared-secret-of-at-least-32-characters',
    );
    const sealed = await new SessionSealer(key).sealSession(session, 60);
    expect(await new SessionSealer(other).openSession(sealed)).toMatchObject(session);
  });

  it('refuses a tampered, foreign-key or expired cookie', async () => {
    const sealer = new SessionSealer(await loadSessionKey(await tempDir()));
    const sealed = await sealer.sealSession(session, 60);
    const parts = sealed.split('.');
    const ct = parts[3] ?? '';
    parts[3] = (ct[0] === 'A' ? 'B' : 'A') + ct.slice(1);
    expect(await sealer.openSession(parts.join('.'))).toBeUndefined();
    const stranger = new SessionSealer(await loadSessionKey(await tempDir()));
    expect(await stranger.openSession(sealed)).toBeUndefined();
    const expired = await sealer.seal({ ...session }, -10);
    expect(await sealer.openSession(expired)).toBeUndefined();
  });

  it('refuses a cookie it opened before once that cookie has expired', async () => {
    const sealer = new SessionSealer(await loadSessionKey(await tempDir()));
    const sealed = await sealer.sealSession(session, 2);
    expect(await sealer.openSession(sealed)).toMatchObject(session);
    vi.useFakeTimers({ now: Date.now() + 5_000, toFake: ['Date'] });
    try {
      expect(await sealer.openSession(sealed)).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the cookie contents secret (encrypted, not just signed)', async () => {
    const sealer = new SessionSealer(await loadSessionKey(await tempDir()));
    const sealed = await sealer.sealSession({ ...session, token: 'very-secret-token' }, 60);
    const decoded = sealed
      .split('.')
      .map((p) => Buffer.from(p, 'base64url').toString('latin1'))
      .join('');
    expect(decoded).not.toContain('very-secret-token');
  });

  it('refuses state sealed for another purpose', async () => {
    const sealer = new SessionSealer(await loadSessionKey(await tempDir()));
    const flow = await sealer.seal({ ...session }, 60, 'wharf-oidc-flow');
    expect(await sealer.openSession(flow)).toBeUndefined();
  });

  it('generates the key once into the data dir and reuses it', async () => {
    const dir = await tempDir();
    const a = await loadSessionKey(dir);
    const b = await loadSessionKey(dir);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

describe('the admin password', () => {
  it('is generated at first start, announced once, and stored only as a scrypt hash', async () => {
    const dir = await tempDir();
    const said: string[] = [];
    const sessionKey = await loadSessionKey(dir);
    const { check, generation } = await loadAdminPassword({
      dataDir: dir,
      announce: (m) => said.push(m),
      sessionKey,
    });
    expect(said).toHaveLength(1);
    const password = said[0]?.split(': ').pop() ?? '';
    expect(await check(password)).toBe(true);
    expect(await check(`${password}x`)).toBe(false);
    const stored = await readFile(join(dir, 'admin-password.hash'), 'utf8');
    expect(stored.startsWith('scrypt$')).toBe(true);
    expect(stored).not.toContain(password);
    const again = await loadAdminPassword({
      dataDir: dir,
      announce: (m) => said.push(m),
      sessionKey,
    });
    expect(said).toHaveLength(1);
    expect(await again.check(password)).toBe(true);
    // The same stored password keeps its generation: admin sessions survive a restart.
    expect(again.generation).toBe(generation);
  });

  it('comes from WHARF_ADMIN_PASSWORD when set, with a generation that changes with it only', async () => {
    const dir = await tempDir();
    const sessionKey = await loadSessionKey(dir);
    const load = (configured: string) =>
      loadAdminPassword({ dataDir: dir, configured, announce: () => {}, sessionKey });
    const { check, generation } = await load('correct horse');
    expect(await check('correct horse')).toBe(true);
    expect(await check('wrong horse')).toBe(false);
    expect((await load('correct horse')).generation).toBe(generation);
    expect((await load('battery staple')).generation).not.toBe(generation);
    expect(generation).not.toContain('horse');
  });
});
