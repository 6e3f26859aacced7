import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import {
  AttentionJoinAckSchema,
  ProjectsCapabilitiesSchema,
  SOCKET_PATH,
  stageCapability,
} from '@wharf/shared/api';
import { echoServerProject } from '@wharf/shared/fixtures';
import { KubeClient } from '../../src/kube/kube-client.js';
import { HAVE_CRDS, NO_CRDS_MESSAGE, type Harness } from '../support/bff-harness.js';
import { seedKargoRoles } from '../support/kargo-roles.js';
import { seedProject } from '../support/kube-seed.js';
import type { TestBrowser } from './support/browser.js';
import { startIdentityBff } from './support/full-bff.js';
import { adminBrowser, oidcBrowser } from './support/sign-in.js';
import type { TestApp } from './support/test-app.js';

const NS = 'echo-server';

if (!HAVE_CRDS) console.warn(NO_CRDS_MESSAGE);

/** A cockpit: a socket in the attention room, recording the access changes it is told of. */
async function cockpitOf(app: TestApp, user: TestBrowser) {
  const socket: Socket = connect(app.url, {
    path: SOCKET_PATH,
    transports: ['websocket'],
    forceNew: true,
    extraHeaders: { cookie: user.cookieHeader() },
  });
  const changed: unknown[] = [];
  socket.on('access:changed', (m: unknown) => changed.push(m));
  const ack = AttentionJoinAckSchema.parse(
    await socket.timeout(5000).emitWithAck('attention:join', {}),
  );
  if ('error' in ack) throw new Error(ack.error.message);
  return { socket, changed, projects: ack.data.projects };
}

const waitFor = async (done: () => boolean, ms: number) => {
  for (const end = Date.now() + ms; !done() && Date.now() < end;)
    await new Promise((r) => setTimeout(r, 25));
};

describe.skipIf(!HAVE_CRDS)('the cockpit learns of RBAC changes in the projects it shows', () => {
  let app: TestApp & { harness: Harness };
  let admin: KubeClient;

  beforeAll(async () => {
    app = await startIdentityBff(async (kc) => {
      await seedProject(kc, echoServerProject());
      await seedKargoRoles(kc, NS);
    });
    admin = new KubeClient(app.harness.kc);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('a RoleBinding removed in a project reaches the attention room members who see it as access:changed, and the next batched capabilities answer refuses', async () => {
    // uma sees echo-server through kargo-viewer (a room of her view) and may promote to staging
    // through staging-promoter; the admin sees every project; nobody sees none. The admin is
    // told of nothing but the project's change.
    const uma = await oidcBrowser(app, 'uma@x.io', ['viewers']);
    /** What the batched capabilities (the cockpit's one request) say of promoting to staging. */
    const promote = async () => {
      const res = await uma.api(`${app.url}/api/v1/capabilities/projects?of=${NS}/staging`);
      const caps = ProjectsCapabilitiesSchema.parse(await res.json()).items.find(
        (c) => c.project === NS,
      );
      if (!caps) throw new Error(`no capabilities for ${NS}`);
      return stageCapability(caps.stages, 'staging', 'promote');
    };
    expect((await promote())?.allowed).toBe(true);
    const scoped = await cockpitOf(app, uma);
    const everywhere = await cockpitOf(app, await adminBrowser(app));
    const outsider = await cockpitOf(app, await oidcBrowser(app, 'nobody@x.io'));
    try {
      expect(scoped.projects).toEqual([NS]);
      expect(outsider.projects).toEqual([]);
      // Roles of a namespace that is no project are nobody's cockpit business.
      await admin.create('/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings', {
        metadata: { name: 'not-a-project' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
        subjects: [{ kind: 'User', name: 'someone' }],
      });
      const started = Date.now();
      await admin.delete(
        `/apis/rbac.authorization.k8s.io/v1/namespaces/${NS}/rolebindings/staging-promoter`,
      );
      await waitFor(() => scoped.changed.length > 0 && everywhere.changed.length > 0, 5000);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(scoped.changed).toEqual([{ project: NS }]);
      expect(everywhere.changed).toEqual([{ project: NS }]);
      // Told to those who may see the project only.
      await new Promise((r) => setTimeout(r, 300));
      expect(outsider.changed).toEqual([]);
      expect(await promote()).toMatchObject({ allowed: false });
    } finally {
      for (const c of [scoped, everywhere, outsider]) c.socket.disconnect();
    }
  });
});
