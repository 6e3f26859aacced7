import { randomBytes } from 'node:crypto';
import { startRegistry, type OciRegistry } from '@wharf/test-support';
import { expect, test } from '@playwright/test';
import { ProjectPage } from '../pages/project-page.js';
import { freightWithTag } from '../support/image-story.js';
import { apply, ensureKargoCrds } from '../support/kube.js';

// A registry behind htpasswd: the warehouse shows its refusal; credentials added in Wharf fix it.
test.describe.configure({ timeout: 120_000 });

let registry: OciRegistry;
const project = `image-creds-${randomBytes(3).toString('hex')}`;

test.beforeAll(async () => {
  test.skip(!(await ensureKargoCrds()), "Kargo's CRDs are not available");
  registry = await startRegistry({ username: 'puller', password: 'pull-secret' });
  await registry.pushImage('private/app', '1.2.3', { created: new Date() });
  await apply(`apiVersion: v1
kind: Namespace
metadata: {name: ${project}, labels: {kargo.akuity.io/project: "true"}}
---
apiVersion: kargo.akuity.io/v1alpha1
kind: Project
metadata: {name: ${project}}
---
apiVersion: kargo.akuity.io/v1alpha1
kind: Warehouse
metadata: {name: private, namespace: ${project}}
spec:
  subscriptions:
  - image: {repoURL: "${registry.host}/private/app", insecureSkipTLSVerify: true}
`);
});
test.afterAll(async () => {
  await registry?.close();
});

test("the warehouse shows the registry's refusal; once image credentials are added in Wharf, discovery succeeds", async ({
  page,
}) => {
  const ui = new ProjectPage(page, project);
  await ui.goto();
  await page.getByRole('button', { name: 'Open warehouse private' }).click();
  const drawer = ui.drawer('Warehouse private');
  await expect(drawer.getByRole('alert')).toContainText(`${registry.host} refused access`, {
    timeout: 60_000,
  });
  await expect(drawer.getByRole('alert')).toContainText('cred-type=image');
  // Wharf's credentials API (the browser's own session), as the credentials screen calls it.
  const res = await page.request.post(`/api/v1/projects/${project}/credentials`, {
    headers: { 'x-wharf-csrf': '1' },
    data: {
      name: 'registry',
      type: 'image',
      repoURL: `${registry.host}/private/app`,
      username: 'puller',
      password: 'pull-secret',
    },
  });
  expect(res.status()).toBe(201);
  expect(await res.text()).not.toContain('pull-secret');
  await page.getByRole('button', { name: 'Refresh private' }).first().click();
  await expect
    .poll(() => freightWithTag(project, '1.2.3').then((f) => f?.alias), { timeout: 60_000 })
    .toBeTruthy();
  await expect(drawer.getByRole('alert')).toHaveCount(0);
});
