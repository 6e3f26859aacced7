import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIdentityConfig } from '../../src/identity/identity-config.js';
import { createIdentity, type Identity } from '../../src/identity/identity.js';
import { WHARF_SECRET } from '../../src/identity/session-revocations.js';
import { ADMIN_PASSWORD_HASH, SESSION_KEYS } from '../../src/identity/shared-secrets.js';
import type { Session } from '../../src/identity/session.js';
import { KubeClient } from '../../src/kube/kube-client.js';
import { corePath } from '../../src/kube/paths.js';
import { OwnNamespace } from '../../src/own-state/own-namespace.js';
import { startTestCluster, type TestCluster } from './support/cluster.js';

const session: Session = { method: 'admin', username: 'admin', actor: 'admin', groups: [] };

describe("replicas share the session key and admin password through Wharf's Secret, with nothing per replica", () => {
  let cluster: TestCluster;
  const started: { identity: Identity; said: string[]; dir: string }[] = [];

  /** One replica as main starts it: no WHARF_SESSION_KEY, no WHARF_ADMIN_PASSWORD, its own data dir. */
  async function replica() {
    const dir = await mkdtemp(join(tmpdir(), 'wharf-replica-'));
    const said: string[] = [];
    const ownNamespace = new OwnNamespace(cluster.kc, 'wharf', { initialMs: 50, maxMs: 400 });
    const identity = await createIdentity({
      config: loadIdentityConfig({}),
      dataDir: dir,
      kubeConfig: cluster.kc,
      log: (m) => said.push(m),
      ownNamespace,
    });
    const r = { identity, said, dir };
    started.push(r);
    return r;
  }
  const secretData = async () => {
    const s = (await new KubeClient(cluster.kc).get(
      corePath('secrets', 'wharf', WHARF_SECRET),
    )) as {
      data: Record<string, string>;
    };
    return Object.fromEntries(
      Object.entries(s.data).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]),
    );
  };

  beforeAll(async () => {
    cluster = await startTestCluster();
    await new OwnNamespace(cluster.kc, 'wharf').ensureExists();
  });
  afterAll(async () => {
    for (const r of started) {
      r.identity.stop();
      await rm(r.dir, { recursive: true, force: true });
    }
    await cluster?.close();
  });

  it('three replicas started at once agree on one key and one generated password, announced once', async () => {
    const replicas = await Promise.all([replica(), replica(), replica()]);
    const announced = replicas.flatMap((r) => r.said.filter((m) => /Generated the admin/.test(m)));
    expect(announced).toHaveLength(1);
    const password = announced[0]?.split(': ').pop() ?? '';
    for (const r of replicas) expect(await r.identity.checkPassword(password)).toBe(true);
    const cookie = await replicas[0]?.identity.sealer.sealSession(session, 60);
    for (const r of replicas)
      expect(await r.identity.sealer.openSession(cookie ?? '')).toMatchObject(session);
    const data = await secretData();
    expect(data[SESSION_KEYS]?.split('\n')).toHaveLength(1);
    expect(data[ADMIN_PASSWORD_HASH]).toMatch(/^scrypt\$/);
  });

  it('rotation: a new key on the first line seals from the next start, and cookies sealed with the old one still open', async () => {
    const old = started[0]?.identity;
    const before = await old?.sealer.sealSession(session, 60);
    const data = await secretData();
    const rotated = `a-new-key-of-at-least-32-characters-long\n${data[SESSION_KEYS]}`;
    await new KubeClient(cluster.kc).mergePatch(corePath('secrets', 'wharf', WHARF_SECRET), {
      data: { [SESSION_KEYS]: Buffer.from(rotated).toString('base64') },
    });
    const next = await replica();
    expect(await next.identity.sealer.openSession(before ?? '')).toMatchObject(session);
    const after = await next.identity.sealer.sealSession(session, 60);
    // A replica still on the old list cannot open it: every replica restarts after a rotation.
    expect(await old?.sealer.openSession(after)).toBeUndefined();
    expect(next.said.filter((m) => /Generated the admin/.test(m))).toEqual([]);
  });
});
