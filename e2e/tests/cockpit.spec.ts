import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { ATTENTION_KINDS } from '@wharf/shared';
import { realStatusProject } from '@wharf/shared/fixtures';
import { KARGO_CRDS } from '../support/kube.js';
import { startRealCluster, type RealCluster } from '../support/real-cluster.js';

// The cockpit against a real cluster (standalone API server, no controller): guestbook as Kargo
// leaves it, plus three small projects whose status the test writes as Kargo's controllers would.
const SHOTS = process.env.WHARF_SCREENSHOTS
  ? join(import.meta.dirname, '..', '..', 'docs', 'screenshots')
  : undefined;
const SMALL = ['alpha', 'beta', 'gamma'] as const;

test.describe.configure({ mode: 'serial' });

let cluster: RealCluster;
let context: BrowserContext;
let page: Page;

const list = (items: unknown[]) => JSON.stringify({ apiVersion: 'v1', kind: 'List', items });

/** A project with one warehouse `app` and one stage `test` that takes its freight directly. */
const smallProject = (ns: string) => [
  {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: ns, labels: { 'kargo.akuity.io/project': 'true' } },
  },
  { apiVersion: 'kargo.akuity.io/v1alpha1', kind: 'Project', metadata: { name: ns } },
  {
    apiVersion: 'kargo.akuity.io/v1alpha1',
    kind: 'Warehouse',
    metadata: { name: 'app', namespace: ns },
    spec: {
      interval: '5m0s',
      freightCreationPolicy: 'Automatic',
      subscriptions: [
        {
          image: {
            repoURL: `ghcr.io/example/${ns}`,
            imageSelectionStrategy: 'SemVer',
            discoveryLimit: 20,
          },
        },
      ],
    },
  },
  {
    apiVersion: 'kargo.akuity.io/v1alpha1',
    kind: 'Stage',
    metadata: { name: 'test', namespace: ns },
    spec: {
      requestedFreight: [{ origin: { kind: 'Warehouse', name: 'app' }, sources: { direct: true } }],
      promotionTemplate: { spec: { steps: [{ uses: 'argocd-update' }] } },
    },
  },
];

/** A RoleBinding `name` in alpha giving alpha's Role `role` to its ServiceAccount `account`. */
const roleBinding = (name: string, role: string, account: string) => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'RoleBinding',
  metadata: { name, namespace: 'alpha' },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: role },
  subjects: [{ kind: 'ServiceAccount', name: account, namespace: 'alpha' }],
});

/** `viewer` (a ServiceAccount of alpha) may read alpha's Kargo objects and events, and get alpha. */
const alphaViewer = [
  { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'viewer', namespace: 'alpha' } },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { name: 'viewer', namespace: 'alpha' },
    rules: [
      { apiGroups: ['kargo.akuity.io'], resources: ['*'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['events'], verbs: ['get', 'list', 'watch'] },
    ],
  },
  roleBinding('viewer', 'viewer', 'viewer'),
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: 'alpha-project-reader' },
    rules: [
      {
        apiGroups: ['kargo.akuity.io'],
        resources: ['projects'],
        resourceNames: ['alpha'],
        verbs: ['get'],
      },
    ],
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: 'alpha-viewer-project' },
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: 'alpha-project-reader',
    },
    subjects: [{ kind: 'ServiceAccount', name: 'viewer', namespace: 'alpha' }],
  },
];

const now = () => new Date().toISOString();
const healthy = (status: 'True' | 'False', message: string) => ({
  type: 'Healthy',
  status,
  reason: status === 'True' ? 'Healthy' : 'Unhealthy',
  message,
  lastTransitionTime: now(),
});

/** Writes a stage's status through the status subresource, as Kargo's stage controller does. */
const patchStageStatus = (ns: string, status: Record<string, unknown>) =>
  cluster.kubectl([
    ...['patch', 'stage', 'test', '-n', ns, '--subresource=status', '--type=merge'],
    ...['-p', JSON.stringify({ status })],
  ]);

const FAILED = {
  lastPromotion: {
    name: 'test.01failed.abc1234',
    freight: {
      name: 'abc1234abc1234abc1234abc1234abc1234abc1',
      origin: { kind: 'Warehouse', name: 'app' },
    },
    status: { phase: 'Failed', message: 'step 1 (argocd-update): app not found' },
    finishedAt: now(),
  },
};
const SUCCEEDED = {
  lastPromotion: {
    ...FAILED.lastPromotion,
    name: 'test.02ok.abc1234',
    status: { phase: 'Succeeded' },
  },
};
const HELD = {
  autoPromotionHolds: {
    'Warehouse/app': {
      freightName: 'abc1234abc1234abc1234abc1234abc1234abc1',
      origin: { kind: 'Warehouse', name: 'app' },
      promotionName: 'test.03manual.abc1234',
      actor: 'admin',
      createdAt: now(),
    },
  },
};

const cockpit = () => page.getByRole('list', { name: 'Needs attention' });
const entry = (title: string, project: string): Locator =>
  cockpit()
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: title }) })
    .filter({ has: page.getByRole('link', { name: `Project ${project}` }) });

/** Light and dark screenshots, when asked for (WHARF_SCREENSHOTS): they prove nothing, and cost. */
/**
 * Goes to `path` inside the app already loaded, as following a link does (the router reads the
 * URL; no new page load, socket or snapshot): the app is loaded once, in the first test.
 */
const visit = (path: string) =>
  page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);

const shot = async (name: string) => {
  if (!SHOTS) return;
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(300);
    await page.screenshot({
      path: join(SHOTS, `${name}-${scheme}.png`),
      fullPage: true,
    });
  }
  await page.emulateMedia({ colorScheme: 'light' });
};

test.beforeAll(async ({ browser }) => {
  test.skip(!existsSync(KARGO_CRDS), "needs Kargo's CRDs in ../shared/kargo-crds");
  test.setTimeout(180_000);
  cluster = await startRealCluster(realStatusProject());
  await cluster.kubectl(['create', '-f', '-'], list(SMALL.flatMap(smallProject)));
  await cluster.kubectl(['create', '-f', '-'], list(alphaViewer));
  context = await browser.newContext({ baseURL: cluster.url, storageState: cluster.session });
  page = await context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
});

test.afterAll(async () => {
  await context?.close();
  await cluster?.close();
});

test('a failed promotion, an unhealthy stage and a held auto-promotion in three projects appear on the home page live, and go when fixed', async () => {
  await page.goto('/');
  // guestbook's own failing promotion is there from the start, with its help.
  await expect(entry('Promotion to prod-west failed', 'guestbook')).toBeVisible({
    timeout: 30_000,
  });
  await expect(entry('Promotion to test failed', 'alpha')).toHaveCount(0);

  await patchStageStatus('alpha', FAILED);
  await patchStageStatus('beta', {
    health: { status: 'Unhealthy', issues: ['Argo CD app beta-test is Degraded'] },
    conditions: [healthy('False', 'Argo CD app beta-test is Degraded')],
  });
  await patchStageStatus('gamma', HELD);

  const failed = entry('Promotion to test failed', 'alpha');
  await expect(failed).toBeVisible({ timeout: 15_000 });
  await expect(failed).toContainText('app not found');
  await expect(failed.getByRole('button', { name: /^Retry/ })).toBeEnabled({ timeout: 15_000 });
  const unhealthy = entry('Stage test is unhealthy', 'beta');
  await expect(unhealthy).toBeVisible();
  await expect(unhealthy).toContainText('Degraded');
  const held = entry('Auto-promotion of app to test is held', 'gamma');
  await expect(held).toBeVisible();
  await expect(held.getByRole('button', { name: /^Resume auto-promotion/ })).toBeEnabled();
  await shot('cockpit-home');

  await patchStageStatus('alpha', SUCCEEDED);
  await patchStageStatus('beta', {
    health: { status: 'Healthy' },
    conditions: [healthy('True', 'Healthy')],
  });
  await cluster.kubectl([
    ...['patch', 'stage', 'test', '-n', 'gamma', '--subresource=status', '--type=json'],
    ...['-p', JSON.stringify([{ op: 'remove', path: '/status/autoPromotionHolds' }])],
  ]);
  await expect(failed).toHaveCount(0, { timeout: 15_000 });
  await expect(unhealthy).toHaveCount(0);
  await expect(held).toHaveCount(0);
  await expect(entry('Promotion to prod-west failed', 'guestbook')).toBeVisible();
});

test('the page of its own keeps its filter in the URL and shows who did what where', async () => {
  await visit('/attention?project=guestbook&kind=warehouse-failing');
  await expect(page.getByRole('heading', { level: 1, name: 'Needs attention (1)' })).toBeVisible();
  await expect(entry('Warehouse charts cannot discover artifacts', 'guestbook')).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Recent activity' }).getByRole('listitem').first(),
  ).toBeVisible();
  // The filters are the browser's own selects, named by their labels.
  await expect(page.getByRole('combobox', { name: 'Project' })).toHaveValue('guestbook');
  const kind = page.getByRole('combobox', { name: 'Kind' });
  await expect(kind).toHaveValue('warehouse-failing');
  await kind.selectOption({ label: 'All kinds' });
  await expect(page).toHaveURL(/\/attention\?project=guestbook$/);
  // By keyboard: the arrow keys step a focused select through its options, the URL following.
  await kind.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(new RegExp(`[?&]kind=${ATTENTION_KINDS[0]}$`));
  await page.keyboard.press('ArrowUp');
  await expect(page).toHaveURL(/\/attention\?project=guestbook$/);
  await expect(entry('Stage prod-east is unhealthy', 'guestbook')).toBeVisible();
  await shot('cockpit-page');
});

/** Signs `p` in with a token of alpha's ServiceAccount `account`, onto the Needs attention page. */
async function signInToAttention(p: Page, account: string) {
  const token = (await cluster.kubectl(['create', 'token', account, '-n', 'alpha'])).trim();
  await p.goto('/login?method=token&next=/attention');
  await p.getByLabel('Bearer token').fill(token);
  await p.getByRole('button', { name: 'Sign in' }).click();
}

test('a viewer of one project sees only that project’s items, with actions disabled and why', async ({
  browser,
}) => {
  await patchStageStatus('alpha', FAILED);
  const viewer = await browser.newContext({ baseURL: cluster.url });
  const p = await viewer.newPage();
  try {
    await signInToAttention(p, 'viewer');
    const items = p.getByRole('list', { name: 'Needs attention' }).getByRole('listitem');
    await expect(items.filter({ hasText: 'Promotion to test failed' })).toBeVisible({
      timeout: 30_000,
    });
    await expect(items).toHaveCount(1);
    await expect(p.getByText('guestbook')).toHaveCount(0);
    await expect(items.getByRole('button', { name: /^Retry/ })).toBeDisabled({ timeout: 15_000 });
    // Why: the disabled button's wrapper is next in tab order, named by Kubernetes' reason.
    await items.getByRole('link', { name: 'Project alpha' }).focus();
    await p.keyboard.press('Tab');
    await expect(
      items.locator('[aria-label^="Kubernetes RBAC does not allow promote"]'),
    ).toBeFocused();
    await expect(p.getByRole('tooltip')).toContainText('Kubernetes RBAC does not allow promote');
    await p.keyboard.press('Escape');
    await expect(p.getByRole('tooltip')).toHaveCount(0);
    // Search, too, only looks in alpha.
    await p.keyboard.press('Control+k');
    await p.getByRole('combobox', { name: /^Search projects/ }).fill('test');
    const options = p.getByRole('listbox', { name: 'Search results' }).getByRole('option');
    await expect(options.first()).toContainText('alpha', { timeout: 15_000 });
    await expect(options).toHaveCount(1);
    await p.getByRole('combobox', { name: /^Search projects/ }).fill('beta');
    await expect(p.getByRole('status').filter({ hasText: 'Nothing matches “beta”' })).toBeVisible();
  } finally {
    await viewer.close();
  }
});

/** `operator` (a ServiceAccount of alpha) reads alpha like `viewer`, and may promote its stages. */
const alphaOperator = [
  { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'operator', namespace: 'alpha' } },
  roleBinding('operator-reads', 'viewer', 'operator'),
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { name: 'promoter', namespace: 'alpha' },
    rules: [
      { apiGroups: ['kargo.akuity.io'], resources: ['stages'], verbs: ['promote'] },
      { apiGroups: ['kargo.akuity.io'], resources: ['promotions'], verbs: ['create'] },
    ],
  },
  roleBinding('operator-promotes', 'promoter', 'operator'),
];

test('a RoleBinding removed with the Kubernetes API refuses its cockpit action within seconds, with the reason, without a reload', async ({
  browser,
}) => {
  await patchStageStatus('alpha', FAILED);
  await cluster.kubectl(['create', '-f', '-'], list(alphaOperator));
  const operator = await browser.newContext({ baseURL: cluster.url });
  const p = await operator.newPage();
  try {
    await signInToAttention(p, 'operator');
    const failed = p
      .getByRole('list', { name: 'Needs attention' })
      .getByRole('listitem')
      .filter({ hasText: 'Promotion to test failed' });
    const retry = failed.getByRole('button', { name: /^Retry/ });
    await expect(retry).toBeEnabled({ timeout: 30_000 });
    // Removed right after the capabilities were answered: the cockpit's old 15 s re-ask would
    // come long after this test's wait.
    await cluster.kubectl(['delete', 'rolebinding', 'operator-promotes', '-n', 'alpha']);
    const removed = Date.now();
    await expect(retry).toBeDisabled({ timeout: 8_000 });
    expect(Date.now() - removed).toBeLessThan(8_000);
    await retry.locator('..').hover();
    await expect(p.getByRole('tooltip')).toContainText(/promote/i);
    // And granted again, the action is allowed again as promptly.
    await cluster.kubectl(['create', '-f', '-'], list(alphaOperator.slice(-1)));
    await expect(retry).toBeEnabled({ timeout: 8_000 });
  } finally {
    await operator.close();
    await cluster.kubectl(['delete', '-f', '-', '--ignore-not-found'], list(alphaOperator));
  }
});

test('compare shows each artifact change between two freight of a multi-warehouse project, picked from the freight drawer', async () => {
  const fx = realStatusProject();
  const byAlias = (alias: string) => {
    const f = fx.freight.find((x) => x.alias === alias);
    if (!f) throw new Error(`no freight ${alias}`);
    return f;
  };
  const [heron, badger] = [byAlias('gentle-heron'), byAlias('quick-badger')];
  const shaOf = (f: typeof heron) => f.commits?.[0]?.id ?? '';

  // Two commits of one repository: both messages, and GitHub's compare page.
  await visit('/projects/guestbook/compare?a=gentle-heron&b=quick-badger');
  const table = page.getByRole('table', { name: 'Artifacts of A and B' });
  const git = table.getByRole('row').filter({ hasText: 'guestbook-config' });
  await expect(git).toContainText('Changed');
  await expect(git).toContainText('Raise replica count to 3');
  await expect(git).toContainText('Add PodDisruptionBudget');
  await expect(git.getByRole('link', { name: 'Compare on the forge' })).toHaveAttribute(
    'href',
    `https://github.com/example/guestbook-config/compare/${shaOf(heron)}...${shaOf(badger)}`,
  );

  // From the drawer of brave-falcon (warehouse guestbook) to calm-walrus (warehouse manual).
  const falcon = byAlias('brave-falcon');
  await visit(`/projects/guestbook/freight/${falcon.metadata.name}`);
  await page.getByRole('button', { name: 'Compare…' }).click();
  await expect(page).toHaveURL(/\/projects\/guestbook\/compare\?a=brave-falcon$/);
  await page.getByRole('combobox', { name: 'Freight B' }).fill('calm');
  await page.getByRole('option', { name: /^calm-walrus/ }).click();
  await expect(page).toHaveURL(/a=brave-falcon&b=calm-walrus/);
  const row = (text: string) => table.getByRole('row').filter({ hasText: text });
  await expect(row('ghcr.io/example/guestbook')).toContainText('1.1.0');
  await expect(row('ghcr.io/example/guestbook')).toContainText('1.2.0');
  await expect(row('ghcr.io/example/guestbook')).toContainText('Changed');
  await expect(row('ghcr.io/example/guestbook')).toContainText(
    falcon.images?.[0]?.digest ?? 'a digest',
  );
  await expect(row('charts.example.com')).toContainText('Only in B');
  await expect(row('charts.example.com')).toContainText('0.4.0');
  await expect(row('release-notes')).toContainText('Only in B');
  await expect(row('guestbook-config')).toContainText('Only in B');
  await expect(page.getByRole('status').filter({ hasText: 'artifacts differ' })).toHaveText(
    '4 of 4 artifacts differ.',
  );
  await shot('compare-freight');

  // From qa's history: an older freight against what qa holds now, from the same warehouse.
  await page.getByRole('link', { name: 'guestbook', exact: true }).click();
  await page.getByRole('button', { name: 'Open stage qa' }).click();
  await page.getByRole('tab', { name: 'Freight history' }).click();
  const history = page.getByRole('list', { name: 'Freight history' });
  await expect(history).toContainText('proud-otter');
  await shot('stage-history-compare');
  await history.getByRole('link', { name: 'Compare proud-otter with the current freight' }).click();
  await expect(page).toHaveURL(/\/compare\?a=proud-otter&b=brave-falcon$/);
  await expect(row('ghcr.io/example/guestbook')).toContainText('Changed');
});

test('Ctrl K finds freight by commit SHA prefix and by alias, and stages by name across projects, and opens what is chosen', async () => {
  const fx = realStatusProject();
  const heron = fx.freight.find((f) => f.alias === 'gentle-heron');
  await visit('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible();
  await page.keyboard.press('Control+k');
  const input = page.getByRole('combobox', { name: /^Search projects/ });
  await expect(input).toBeFocused();
  const results = page.getByRole('listbox', { name: 'Search results' });
  const group = (name: string) => results.getByRole('group', { name });

  await input.fill((heron?.commits?.[0]?.id ?? '').slice(0, 8));
  await expect(group('Freight').getByRole('option')).toHaveText([
    /gentle-heron · guestbook · from config · commit \w+ Raise replica count to 3/,
  ]);
  await input.fill('walrus');
  await expect(group('Freight').getByRole('option')).toHaveText([/^calm-walrus · guestbook/]);
  await input.fill('gamm');
  await expect(group('Projects').getByRole('option')).toHaveText(['gamma']);

  await input.fill('test');
  await expect(group('Stages').getByRole('option')).toHaveText([
    /^test · alpha/,
    /^test · beta/,
    /^test · gamma/,
  ]);
  await shot('search-palette');
  await input.press('ArrowDown');
  await expect(group('Stages').getByRole('option', { name: /beta/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await input.press('Enter');
  await expect(page).toHaveURL(/\/projects\/beta\/stages\/test$/);
  // The stage's drawer is up before the palette opens again over it.
  await expect(page.getByRole('heading', { name: 'Stage test' })).toBeVisible();

  // Shift Enter compares a freight found: first as B, then the second fills the empty side.
  const compareFound = async (q: string, option: RegExp) => {
    await page.keyboard.press('Control+k');
    await input.fill(q);
    await expect(group('Freight').getByRole('option', { name: option })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await input.press('Shift+Enter');
  };
  if (SHOTS) {
    await page.keyboard.press('Control+k');
    await input.fill('walrus');
    await expect(page.getByRole('button', { name: 'Compare calm-walrus with…' })).toBeVisible();
    await shot('search-compare');
    await page.keyboard.press('Escape');
  }
  await compareFound('walrus', /^calm-walrus/);
  await expect(page).toHaveURL(/\/projects\/guestbook\/compare\?b=calm-walrus$/);
  await compareFound('falcon', /^brave-falcon/);
  await expect(page).toHaveURL(/\/compare\?a=brave-falcon&b=calm-walrus$/);
  await expect(page.getByRole('status').filter({ hasText: 'artifacts differ' })).toHaveText(
    '4 of 4 artifacts differ.',
  );
});

test('the timeline shows a lane per warehouse with its count kept live, collapsible in the URL, and a card compares with the freight before it', async () => {
  await visit('/projects/guestbook?lanes=1');
  const lane = (w: string) => page.getByRole('list', { name: `Freight from ${w}` });
  const header = (w: string) => page.locator('button[aria-expanded]').filter({ hasText: w });
  await expect(lane('config').getByRole('listitem')).toHaveCount(2, { timeout: 30_000 });
  await expect(lane('config')).toContainText('quick-badger');
  await expect(lane('manual')).toContainText('calm-walrus');
  await expect(lane('guestbook')).toContainText('brave-falcon');
  await expect(lane('guestbook')).not.toContainText('quick-badger');
  await expect(header('config')).toContainText('2 freight');
  await expect(header('guestbook')).toContainText('3 freight');
  await shot('freight-lanes');
  await header('config').click();
  await expect(page).toHaveURL(/collapsedLanes=config/);
  await expect(lane('config')).toHaveCount(0);
  // New freight from config: the collapsed lane's count follows.
  await cluster.kubectl(
    ['create', '-f', '-'],
    JSON.stringify({
      apiVersion: 'kargo.akuity.io/v1alpha1',
      kind: 'Freight',
      metadata: { name: 'c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ff', namespace: 'guestbook' },
      alias: 'new-narwhal',
      origin: { kind: 'Warehouse', name: 'config' },
      commits: [{ repoURL: 'https://github.com/example/guestbook-config', id: 'c0ffee0' }],
    }),
  );
  await expect(header('config')).toContainText('3 freight', { timeout: 15_000 });
  await page.reload();
  await expect(lane('guestbook')).toContainText('brave-falcon', { timeout: 30_000 });
  await expect(lane('config')).toHaveCount(0);
  await expect(header('config')).toHaveAttribute('aria-expanded', 'false');

  // Compare from a card: B is this freight, A the one before it from its warehouse.
  await lane('guestbook').getByRole('link', { name: 'Compare brave-falcon with…' }).click();
  await expect(page).toHaveURL(/\/compare\?a=proud-otter&b=brave-falcon$/);
  await expect(
    page
      .getByRole('table', { name: 'Artifacts of A and B' })
      .getByRole('row')
      .filter({ hasText: 'ghcr.io/example/guestbook' }),
  ).toContainText('Changed');
});

test('promoting everything a stage holds creates one Promotion per origin downstream and follows each', async () => {
  // A stage after integration that takes both of its origins from it.
  await cluster.kubectl(
    ['create', '-f', '-'],
    JSON.stringify({
      apiVersion: 'kargo.akuity.io/v1alpha1',
      kind: 'Stage',
      metadata: { name: 'release', namespace: 'guestbook' },
      spec: {
        requestedFreight: ['guestbook', 'config'].map((w) => ({
          origin: { kind: 'Warehouse', name: w },
          sources: { stages: ['integration'] },
        })),
        promotionTemplate: { spec: { steps: [{ uses: 'argocd-update' }] } },
      },
    }),
  );
  await visit('/projects/guestbook/stages/integration');
  await page.getByRole('button', { name: 'Promote all downstream' }).click();
  const dialog = page.getByRole('dialog', { name: /Promote everything downstream of integration/ });
  const rows = dialog.getByRole('list', { name: 'Downstream stages' }).getByRole('listitem');
  await expect(rows).toHaveText([
    /release ← brave-falcon \(guestbook\)/,
    /release ← quick-badger \(config\)/,
  ]);
  await dialog.getByRole('button', { name: 'Promote all 2 freight (2 promotions)' }).click();
  await expect(dialog.getByRole('button', { name: /^Promotion release\./ })).toHaveCount(2);
  const names = (
    await dialog.getByRole('button', { name: /^Promotion release\./ }).allInnerTexts()
  ).map((t) => t.replace(/^Promotion /, ''));
  const listed = await cluster.kubectl(['get', 'promotions', '-n', 'guestbook', '-o', 'name']);
  for (const n of names) expect(listed).toContain(`promotion.kargo.akuity.io/${n}`);
  // Kargo's controller would run it; here its status is written as the controller would.
  await cluster.kubectl([
    ...['patch', 'promotion', names[0] ?? '', '-n', 'guestbook', '--subresource=status'],
    ...['--type=merge', '-p', JSON.stringify({ status: { phase: 'Succeeded' } })],
  ]);
  await expect(dialog.getByRole('status', { name: 'Promotion to release: Succeeded' })).toBeVisible(
    { timeout: 15_000 },
  );
  await shot('promote-all-downstream');
});

test('the versions page shows which image version runs in which stage', async () => {
  await visit('/projects/guestbook');
  await page.getByRole('link', { name: 'Versions' }).click();
  const table = page.getByRole('table', { name: 'Image and chart versions by stage' });
  const image = table.getByRole('row').filter({ hasText: 'ghcr.io/example/guestbook' });
  await expect(image).toContainText('2 versions running', { timeout: 30_000 });
  const cell = async (stage: string) => {
    const headers = await table.getByRole('columnheader').allInnerTexts();
    return image.getByRole('cell').nth(headers.indexOf(stage) - 1);
  };
  await expect(await cell('dev')).toHaveText('1.1.0');
  await expect(await cell('prod-east')).toHaveText('1.0.0');
  await shot('versions-matrix');
});

test('asking for an approval from the freight drawer puts it under Needs attention, where Approve approves it', async () => {
  const lynx = realStatusProject().freight.find((f) => f.alias === 'sunny-lynx');
  await visit(`/projects/guestbook/freight/${lynx?.metadata.name ?? ''}`);
  await page.getByRole('button', { name: 'Ask for approval…' }).click();
  await page.getByRole('menuitem', { name: /^uat/ }).click();
  await visit('/attention?kind=approval-requested');
  const item = entry('sunny-lynx waits for approval to uat', 'guestbook');
  await expect(item).toBeVisible({ timeout: 15_000 });
  await expect(item).toContainText('by admin');
  await expect(item.getByRole('button', { name: /^Approve/ })).toBeEnabled({ timeout: 15_000 });
  // The action endpoints load on this first click, not with the page; the approval still lands.
  await item.getByRole('button', { name: /^Approve/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(item).toHaveCount(0, { timeout: 15_000 });
});
