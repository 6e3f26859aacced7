import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { KARGO_COLOR_NAMES } from '@wharf/shared';
import { ANALYSIS_FAILURE, realStatusProject } from '@wharf/shared/fixtures';
import { ProjectPage } from '../pages/project-page.js';
import { KARGO_CRDS } from '../support/kube.js';
import { startRealCluster, type RealCluster } from '../support/real-cluster.js';

// Wharf against a cluster whose objects carry exactly what Kargo v1.11's controllers write
// (the real-status fixture), with no embedded controller: what a Kargo user sees.
const ARGOCD = 'https://argocd.example.com';
const SHOTS = process.env.WHARF_SCREENSHOTS
  ? join(import.meta.dirname, '..', '..', 'docs', 'screenshots')
  : undefined;

test.describe.configure({ mode: 'serial' });

let cluster: RealCluster;
let context: BrowserContext;
let page: Page;
let project: ProjectPage;

test.beforeAll(async ({ browser }) => {
  test.skip(!existsSync(KARGO_CRDS), "needs Kargo's CRDs in ../shared/kargo-crds");
  test.setTimeout(120_000);
  cluster = await startRealCluster(realStatusProject(), { WHARF_ARGOCD_URL: ARGOCD });
  context = await browser.newContext({ baseURL: cluster.url, storageState: cluster.session });
  page = await context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  project = new ProjectPage(page, 'guestbook');
});

test.afterAll(async () => {
  await context?.close();
  await cluster?.close();
});

/** Opens a drawer by its URL, as a shared link would. */
const openDrawer = async (path: string, heading: string) => {
  await page.goto(`/projects/guestbook/${path}`);
  await expect(page.getByRole('heading', { name: heading })).toBeVisible();
};

const shot = async (name: string) => {
  if (!SHOTS) return;
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, `real-kargo-${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
};

test("the project tile counts stages and warehouses as Kargo's status.stats does", async () => {
  await page.goto('/');
  const tile = page
    .getByRole('list', { name: 'Projects' })
    .getByRole('listitem')
    .filter({ hasText: 'guestbook' });
  // 9 stages, one of them control-flow; 4 warehouses, one failing discovery.
  await expect(tile).toContainText('4/8 stages healthy');
  await expect(tile).toContainText('3/4 warehouses healthy');
});

test('the graph shows what Kargo wrote: no freight, control flow, every origin, Argo CD, colours', async () => {
  await project.goto();
  // A stage never promoted to has no freight; it is not verifying.
  await expect(project.stage('fresh')).toContainText('NoFreight');
  await expect(project.stage('fresh')).not.toContainText('Verifying');
  // A control-flow stage says so, shows no "Unknown" health, and may not be promoted to.
  const gate = project.stage('gate');
  await expect(gate).toContainText('Control flow');
  await expect(gate).not.toContainText('Unknown');
  await expect(gate.getByRole('button', { name: 'Promote to gate' })).toBeDisabled();
  // A stage fed by two warehouses shows the freight of each.
  const integration = project.stage('integration');
  await expect(integration).toContainText('brave-falcon');
  await expect(integration).toContainText('quick-badger');
  await expect(integration.getByRole('img', { name: 'From config:' })).toBeVisible();
  // Argo CD health from status.health.output, linked to the configured Argo CD.
  const argo = project
    .stage('prod-east')
    .getByRole('link', { name: 'Open guestbook-prod-east in Argo CD: Degraded' });
  await expect(argo).toHaveAttribute('href', `${ARGOCD}/applications/argocd/guestbook-prod-east`);
  // The graph's one tooltip follows the keyboard too, and Escape dismisses it.
  await argo.focus();
  await expect(page.getByRole('tooltip')).toContainText('argocd/guestbook-prod-east: Degraded');
  await expect(argo).toHaveAccessibleDescription(/guestbook-prod-east: Degraded/);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  await argo.blur();
  // Kargo stores colour names; qa is "violet".
  const header = project.stage('qa').getByRole('button', { name: 'Open stage qa' }).locator('..');
  const hex = KARGO_COLOR_NAMES.violet ?? '';
  const rgb = `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
  await expect(header).toHaveCSS('background-color', rgb);
  // A warehouse whose discovery keeps failing is an error, not a spinner.
  await expect(project.warehouse('charts').getByText('Error')).toBeVisible();
  await expect(project.warehouse('charts').getByLabel('Discovering', { exact: true })).toHaveCount(
    0,
  );
  await shot('graph');
  if (SHOTS) {
    // Close-ups of the new node states, for reading them (not committed): a big window makes
    // the fitted graph big.
    await page.setViewportSize({ width: 2600, height: 1700 });
    await project.goto();
    for (const name of ['gate', 'integration', 'prod-east', 'fresh', 'qa']) {
      await project.stage(name).screenshot({
        path: join(import.meta.dirname, '..', '..', 'test-results', `closeup-${name}.png`),
      });
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  }
});

test("a control-flow stage's Promote says why it is refused, to the keyboard too", async () => {
  await project.goto();
  const gate = project.stage('gate');
  await gate.getByRole('button', { name: 'Promote to gate' }).locator('..').focus();
  await expect(page.getByRole('tooltip')).toContainText('control-flow stage');
});

test('the stage drawer shows verification history and AnalysisRun metrics, and aborts a running one', async () => {
  await openDrawer('stages/qa?tab=verifications', 'Stage qa');
  const history = page.getByRole('table', { name: 'Verification history' });
  await expect(history.getByRole('row')).toHaveCount(4);
  await expect(history.getByRole('row').nth(2)).toContainText('Failed');
  await expect(history.getByRole('row').nth(2)).toContainText(ANALYSIS_FAILURE);
  await expect(history.getByRole('row').nth(1)).toContainText('admin');
  await history
    .getByRole('row')
    .nth(2)
    .getByRole('button', { name: /^Show metrics of AnalysisRun qa\./ })
    .click();
  await expect(page).toHaveURL(/[?&]run=qa\./);
  const metrics = page.getByRole('table', { name: /^Metrics of qa\./ });
  await expect(metrics.getByRole('row').nth(1)).toContainText('error-rate');
  await expect(metrics.getByRole('row').nth(1)).toContainText('0.07');
  await shot('verifications');

  await openDrawer('stages/uat?tab=verifications', 'Stage uat');
  await expect(page.getByRole('table', { name: 'Verification history' })).toContainText('Running');
  await page.getByRole('button', { name: 'Abort verification' }).click();
  await expect
    .poll(async () => {
      const stage = JSON.parse(
        await cluster.kubectl(['get', 'stage', 'uat', '-n', 'guestbook', '-o', 'json']),
      ) as { metadata: { annotations?: Record<string, string> } };
      return JSON.parse(stage.metadata.annotations?.['kargo.akuity.io/abort'] ?? '{}') as unknown;
    })
    .toMatchObject({ actor: 'admin', id: expect.any(String) });
});

test("a Manual warehouse's discovered artifacts are tables, generic subscriptions included", async () => {
  await openDrawer('warehouses/manual?tab=artifacts', 'Warehouse manual');
  await expect(
    page.getByRole('table', { name: /^Images: ghcr.io\/example\/guestbook/ }),
  ).toContainText('1.2.0');
  await expect(page.getByRole('table', { name: /^Commits: / })).toContainText(
    'Add PodDisruptionBudget',
  );
  await expect(page.getByRole('table', { name: /^Chart versions: / })).toContainText('0.3.2');
  await expect(page.getByRole('table', { name: 'Artifacts: release-notes' })).toContainText(
    'v2026.01.07',
  );
  await expect(page.getByText('Freight creation is Manual')).toBeVisible();
  await shot('discovered-artifacts');
});

test('freight from a generic subscription lists its artifact', async () => {
  const manual = realStatusProject().freight.find((f) => f.origin.name === 'manual');
  await openDrawer(`freight/${manual?.metadata.name}`, 'Freight calm-walrus');
  await expect(page.getByRole('table', { name: 'Artifacts' })).toContainText('release-notes');
  await expect(page.getByRole('table', { name: 'Artifacts' })).toContainText('v2026.01.14');
});

test('the stage drawer lists Argo CD applications with health and links', async () => {
  await openDrawer('stages/prod-east', 'Stage prod-east');
  const link = page.getByRole('link', { name: 'Open guestbook-prod-east in Argo CD: Degraded' });
  await expect(link.first()).toHaveAttribute('target', '_blank');
  await shot('argocd');
});

test("the stage drawer's conditions are what Kargo wrote, and follow a change without a reload", async () => {
  await openDrawer('stages/prod-east', 'Stage prod-east');
  const conditions = page.getByRole('table', { name: 'Conditions' });
  await expect(conditions).toContainText('Stage is unhealthy (1 issues in 1 health checks)');
  await cluster.kubectl([
    'patch',
    'stage',
    'prod-east',
    '-n',
    'guestbook',
    '--subresource=status',
    '--type=merge',
    '-p',
    JSON.stringify({
      status: {
        conditions: [
          {
            type: 'Ready',
            status: 'True',
            reason: 'Healthy',
            message: 'Stage is healthy again',
            lastTransitionTime: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
          },
        ],
      },
    }),
  ]);
  await expect(conditions).toContainText('Stage is healthy again', { timeout: 15_000 });
  await expect(conditions).not.toContainText('Stage is unhealthy');
});
