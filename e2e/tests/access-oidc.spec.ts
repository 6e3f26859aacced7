import { expect, test, type Page } from '@playwright/test';
import {
  createAccessProject,
  deleteProject,
  kubectl,
  missingPrerequisite,
  signInAsAdmin,
} from '../pages/access-kube.js';
import { AccessPage } from '../pages/access-page.js';
import { expectFollowsPromotion } from '../pages/promote-flow.js';
import { ProjectPage } from '../pages/project-page.js';

let project = '';
test.beforeEach(async ({ page }) => {
  const missing = await missingPrerequisite(page);
  test.skip(missing !== undefined, `skipped: ${missing}`);
  project = await createAccessProject();
  await signInAsAdmin(page);
});
test.afterEach(async () => {
  if (project) await deleteProject(project);
});

const stage = (name: string) => `apiVersion: kargo.akuity.io/v1alpha1
kind: Stage
metadata: {name: ${name}, namespace: ${project}}
spec:
  requestedFreight:
  - origin: {kind: Warehouse, name: app}
    sources: {direct: true}
  promotionTemplate:
    spec:
      steps:
      - uses: fake-deploy
---
`;

/** Promotion steps for both stages, the warehouse they request from, and one freight it made. */
async function addFreight(): Promise<string> {
  await kubectl(
    ['apply', '-f', '-'],
    `${stage('staging')}${stage('production')}apiVersion: kargo.akuity.io/v1alpha1
kind: Warehouse
metadata: {name: app, namespace: ${project}}
spec:
  subscriptions:
  - image: {repoURL: ghcr.io/acme/app, constraint: ^1.0.0}
---
apiVersion: kargo.akuity.io/v1alpha1
kind: Freight
metadata: {name: "${'a'.repeat(40)}", namespace: ${project}, labels: {kargo.akuity.io/alias: brave-badger}}
alias: brave-badger
origin: {kind: Warehouse, name: app}
images: [{repoURL: ghcr.io/acme/app, tag: 1.0.0}]
`,
  );
  // The freight's name is Kargo's (made from its artifacts): look it up by alias.
  return kubectl([
    'get',
    'freight',
    '-n',
    project,
    '-l',
    'kargo.akuity.io/alias=brave-badger',
    '-o',
    'jsonpath={.items[0].metadata.name}',
  ]);
}

/** Signs in through the login page's single sign-on and the test provider's own form. */
async function signInWithSso(page: Page, email: string, next: string): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByRole('link', { name: 'Sign in with SSO' }).click();
  await expect(page.getByRole('heading', { name: 'Test identity provider' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(new RegExp(`${next}$`));
}

test('a group granted "promoter for staging" promotes to staging only, and loses it live when revoked', async ({
  page,
  browser,
}) => {
  const freight = await addFreight();
  const access = new AccessPage(page, project);
  await access.goto();
  await access.createRole({
    name: 'qa-promoters',
    claims: [['groups', 'qa-team']],
    promoterFor: ['staging'],
  });
  await expect(page.getByRole('heading', { level: 1, name: 'Role qa-promoters' })).toBeVisible();

  const user = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    storageState: { cookies: [], origins: [] },
  });
  const userPage = await user.newPage();
  await signInWithSso(userPage, 'qa@example.com', `/projects/${project}`);
  const board = new ProjectPage(userPage, project);
  await expect(userPage.getByRole('heading', { level: 1, name: project })).toBeVisible();

  const production = board
    .stage('production')
    .getByRole('button', { name: 'Promote to production' });
  await expect(production).toBeDisabled();
  await production.locator('..').hover();
  await expect(userPage.getByRole('tooltip')).toContainText(/promote.*"production"/i);

  const staging = board.stage('staging').getByRole('button', { name: 'Promote to staging' });
  await expect(staging).toBeEnabled();
  await staging.click();
  const dialog = board.promoteDialog();
  await dialog.getByRole('button', { name: 'Select brave-badger' }).click();
  await dialog.getByRole('button', { name: 'Promote', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expectFollowsPromotion(userPage, project, 'staging', freight);
  const promotions = await kubectl(['get', 'promotions', '-n', project, '-o', 'name']);
  expect(promotions.trim().split('\n')).toHaveLength(1);

  // The admin takes the grant back; the user's page, never reloaded, disables Promote.
  await board.goto();
  await expect(staging).toBeEnabled();
  await access.goto();
  await access
    .row('qa-promoters')
    .getByRole('button', { name: 'Grant or revoke qa-promoters' })
    .click();
  const revoke = page.getByRole('dialog', { name: 'Grant or revoke: role qa-promoters' });
  await access.choose('Change', ['Stop this role promoting to a stage']);
  await access.choose('Stage', ['staging']);
  await expect(
    revoke.getByRole('listitem').filter({ hasText: /promote: stages "staging".*\(removed\)/ }),
  ).toBeVisible();
  await revoke.getByRole('button', { name: 'Apply' }).click();
  await expect(revoke).toBeHidden();
  await expect(staging).toBeDisabled({ timeout: 15_000 });
  await staging.locator('..').hover();
  await expect(userPage.getByRole('tooltip')).toContainText(/promote.*"staging"/i);
  await user.close();
});
