import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { echoServerProject, storefrontProject } from '@wharf/shared/fixtures';
import {
  ProjectListSchema,
  ProjectsJoinAckSchema,
  ResyncRequiredSchema,
  SOCKET_PATH,
} from '@wharf/shared/api';
import { KubeClient } from '../../src/kube/kube-client.js';
import { HAVE_CRDS, NO_CRDS_MESSAGE, type Harness } from '../support/bff-harness.js';
import { seedKargoRoles } from '../support/kargo-roles.js';
import { seedProject } from '../support/kube-seed.js';
import { startIdentityBff } from './support/full-bff.js';
import { oidcBrowser } from './support/sign-in.js';
import type { TestApp } from './support/test-app.js';

if (!HAVE_CRDS) console.warn(NO_CRDS_MESSAGE);

const ECHO = echoServerProject().project.metadata.name;
const STOREFRONT = storefrontProject().project.metadata.name;
const rbac = (ns: string) => `/apis/rbac.authorization.k8s.io/v1/namespaces/${ns}/rolebindings`;

describe.skipIf(!HAVE_CRDS)(
  "a project-scoped SSO user's home page lists exactly the projects their roles are in",
  () => {
    let app: TestApp & { harness: Harness };
    let admin: KubeClient;

    beforeAll(async () => {
      app = await startIdentityBff(async (kc) => {
        await seedProject(kc, echoServerProject());
        await seedProject(kc, storefrontProject());
        // Kargo's roles in both projects; vic@x.io is kargo-viewer in each.
        await seedKargoRoles(kc, ECHO);
        await seedKargoRoles(kc, STOREFRONT);
      });
      admin = new KubeClient(app.harness.kc);
      // vic keeps kargo-viewer in echo-server only.
      await admin.delete(`${rbac(STOREFRONT)}/kargo-viewer`);
    });
    afterAll(async () => {
      await app?.close();
    });

    it('REST and the live list show echo-server alone, and a RoleBinding granted in storefront adds it live', async () => {
      const vic = await oidcBrowser(app, 'vic@x.io');
      const rest = ProjectListSchema.parse(
        await (await vic.api(`${app.url}/api/v1/projects`)).json(),
      );
      expect(rest.items.map((p) => p.name)).toEqual([ECHO]);

      const socket: Socket = connect(app.url, {
        path: SOCKET_PATH,
        transports: ['websocket'],
        extraHeaders: { cookie: vic.cookieHeader() },
      });
      try {
        const join = async () =>
          ProjectsJoinAckSchema.parse(
            await socket.timeout(10_000).emitWithAck('projects:join', {}),
          );
        const first = await join();
        expect(first).toMatchObject({ data: { mode: 'snapshot' } });
        if (!('data' in first) || first.data.mode !== 'snapshot') throw new Error('no snapshot');
        expect(first.data.items.map((p) => p.name)).toEqual([ECHO]);

        const resync = new Promise((resolve) => socket.on('resync-required', resolve));
        await admin.create(rbac(STOREFRONT), {
          metadata: { name: 'kargo-viewer' },
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'kargo-viewer' },
          subjects: [{ kind: 'ServiceAccount', name: 'kargo-viewer', namespace: STOREFRONT }],
        });
        expect(ResyncRequiredSchema.parse(await resync).scope).toBe('projects');
        const again = await join();
        if (!('data' in again) || again.data.mode !== 'snapshot') throw new Error('no snapshot');
        expect(again.data.items.map((p) => p.name).sort()).toEqual([ECHO, STOREFRONT].sort());
      } finally {
        socket.disconnect();
      }
    });

    it('a user mapped to no role sees an empty list, not an error', async () => {
      const nobody = await oidcBrowser(app, 'nobody@x.io');
      const res = await nobody.api(`${app.url}/api/v1/projects`);
      expect(res.status).toBe(200);
      expect(ProjectListSchema.parse(await res.json()).items).toEqual([]);
    });
  },
);
