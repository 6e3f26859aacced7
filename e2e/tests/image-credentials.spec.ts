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
  // The user adds them on the project's credentials screen, as Kargo's docs tell them to.
  await page.goto(`/projects/${project}/settings?tab=credentials`);
  await page.getByRole('button', { name: 'Add credential' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a credential' });
  await dialog.getByLabel('Credential name').fill('registry');
  await dialog.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'Image registry' }).click();
  await dialog.getByLabel('Repository URL').fill(`${registry.host}/private/app`);
  await dialog.getByLabel('Username').fill('puller');
  await dialog.getByLabel('Password or token').fill('pull-secret');
  const created = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.url().endsWith(`/projects/${project}/credentials`),
  );
  await dialog.getByRole('button', { name: 'Add credential' }).click();
  const answer = await created;
  expect(answer.status()).toBe(201);
  expect(await answer.text()).not.toContain('pull-secret');
  const table = page.getByRole('table', { name: 'Credentials' });
  await expect(table).toContainText(`${registry.host}/private/app`);
  await expect(table).not.toContainText('pull-secret');

  await ui.goto();
  await page.getByRole('button', { name: 'Refresh private' }).first().click();
  await page.getByRole('button', { name: 'Open warehouse private' }).click();
  await expect
    .poll(() => freightWithTag(project, '1.2.3').then((f) => f?.alias), { timeout: 60_000 })
    .toBeTruthy();
  await expect(drawer.getByRole('alert')).toHaveCount(0);
});
