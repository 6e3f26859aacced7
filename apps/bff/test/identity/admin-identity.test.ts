import { readFile } from 'node:fs/promises';
import { RbacAuthorizationV1Api } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogoutResultSchema } from '@wharf/shared/api';
import { type TestCluster, startTestCluster } from './support/cluster.js';
import { adminBrowser } from './support/sign-in.js';
import { type TestApp, startTestApp } from './support/test-app.js';

const FIXTURE = new URL('../roles/fixtures/kargo-roles.yaml', import.meta.url);

let cluster: TestCluster;
let app: TestApp;

beforeAll(async () => {
  cluster = await startTestCluster();
  await cluster.createProjectNamespace('demo');
  await cluster.apply(await readFile(FIXTURE, 'utf8'));
  // In a real cluster admin acts as a configured user; here that user may only view.
  await cluster.kc.makeApiClient(RbacAuthorizationV1Api).createNamespacedRoleBinding({
    namespace: 'demo',
    body: {
      metadata: { name: 'wharf-admin-viewer' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'kargo-viewer' },
      subjects: [
        { apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'wharf-admin@example.com' },
      ],
    },
  });
  app = await startTestApp(cluster, {
    env: { WHARF_ADMIN_IMPERSONATE_USER: 'wharf-admin@example.com' },
  });
});
afterAll(async () => {
  await app?.close();
  await cluster?.close();
});

describe('admin with WHARF_ADMIN_IMPERSONATE_USER', () => {
  it('acts as, and is authorized as, that Kubernetes user', async () => {
    const admin = await adminBrowser(app);
    expect((await admin.api(`${app.url}/api/v1/projects/demo/roles`)).status).toBe(200);
    const res = await admin.api(`${app.url}/api/v1/projects/demo/roles`, 'POST', {
      name: 'by-admin',
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /create serviceaccounts/,
    );
  });

  it('logs out to the login page and clears the session cookie', async () => {
    const admin = await adminBrowser(app);
    const res = await admin.api(`${app.url}/api/v1/auth/logout`, 'POST');
    expect(LogoutResultSchema.parse(await res.json())).toEqual({ redirectTo: '/login' });
    expect((await admin.api(`${app.url}/api/v1/auth/me`)).status).toBe(401);
  });
});
