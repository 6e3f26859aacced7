import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { startGitServer, type GitServer } from '@wharf/test-support';
import { ProjectPage } from '../pages/project-page.js';
import { ensureKargoCrds, kubectl } from '../support/kube.js';
import { recordTraffic } from '../support/traffic.js';

// Kargo's quickstart built in the wizard: a warehouse on a local git repository, test → uat →
// prod updating a values file in a gitops repository served over https with basic auth.
test.describe.configure({ timeout: 180_000 });

const run = promisify(execFile);
const id = randomBytes(3).toString('hex');
const project = `quickstart-${id}`;
const appRepoName = `qs-app-${id}`;
const appRepo = `https://git.wharf.invalid/${appRepoName}`;
const PASSWORD = `pw-${randomBytes(8).toString('hex')}`;
let server: GitServer;
let gitops: string;

test.beforeAll(async () => {
  test.skip(!(await ensureKargoCrds()), "Kargo's CRDs are not available");
  server = await startGitServer({ username: 'kargo', password: PASSWORD });
  gitops = await server.createRepo(`gitops-${id}`, {
    'test/values.yaml': 'image:\n  tag: none\n',
    'uat/values.yaml': 'image:\n  tag: none\n',
    'prod/values.yaml': 'image:\n  tag: none\n',
  });
  // The app's repository: a local one the embedded cluster serves as https://git.wharf.invalid/<name>.
  const dataDir = process.env.WHARF_E2E_DATA_DIR ?? '';
  const work = await mkdtemp(join(tmpdir(), 'wharf-qs-'));
  const git = (args: string[], cwd?: string) =>
    run('git', args, {
      cwd,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Dev',
        GIT_AUTHOR_EMAIL: 'dev@wharf.invalid',
        GIT_COMMITTER_NAME: 'Dev',
        GIT_COMMITTER_EMAIL: 'dev@wharf.invalid',
      },
    });
  await git(['init', '--quiet', '--initial-branch=main'], work);
  await writeFile(join(work, 'main.go'), 'package main\n');
  await git(['add', '.'], work);
  await git(['commit', '--quiet', '-m', 'first'], work);
  await mkdir(join(dataDir, 'demo', 'git'), { recursive: true });
  await git(['clone', '--quiet', '--bare', work, join(dataDir, 'demo', 'git', appRepoName)]);
  await rm(work, { recursive: true, force: true });
});
// The project stays (as other specs' do): deleting it while freight is in use only adds noise.
test.afterAll(async () => {
  await server?.close();
});

const VALUE = `\${{ commitFrom("${appRepo}").ID }}`;

/** Adds one quickstart stage's steps through the step catalogue's forms. */
async function addQuickstartSteps(page: Page, stage: Locator, name: string) {
  const addStep = async (uses: string) => {
    await stage.getByLabel('Step to add').click();
    await page.getByRole('option', { name: new RegExp(`^${uses} `) }).click();
    await stage.getByRole('button', { name: 'Add step' }).click();
  };
  await addStep('git-clone');
  await stage.getByLabel('Step 1 Repository URL').fill(gitops);
  await stage.getByRole('button', { name: 'Remove Step 1 Checkouts 2' }).click();
  await stage.getByLabel('Step 1 Checkouts 1 Path').fill('./out');
  await stage.getByRole('checkbox', { name: 'Skip TLS verification' }).check();
  await addStep('yaml-update');
  await stage.getByLabel('Step 2 Path').fill(`./out/${name}/values.yaml`);
  await stage.getByLabel('Step 2 Updates 1 Value').fill(VALUE);
  await addStep('git-commit');
  await addStep('git-push');
}

const handWritten = (ns: string) => {
  const steps = (stage: string) => `
      steps:
      - uses: git-clone
        config:
          repoURL: ${gitops}
          checkout:
          - branch: main
            path: ./out
          insecureSkipTLSVerify: true
      - uses: yaml-update
        config:
          path: ./out/${stage}/values.yaml
          updates:
          - key: image.tag
            value: '${VALUE}'
      - uses: git-commit
        config:
          path: ./out
          message: Promote \${{ ctx.targetFreight.name }} to \${{ ctx.stage }}
      - uses: git-push
        config:
          path: ./out`;
  const stage = (name: string, color: string, sources: string) => `---
apiVersion: kargo.akuity.io/v1alpha1
kind: Stage
metadata:
  name: ${name}
  namespace: ${ns}
  annotations: {kargo.akuity.io/color: "${color}"}
spec:
  requestedFreight:
  - origin: {kind: Warehouse, name: app}
    sources: ${sources}
  promotionTemplate:
    spec:${steps(name)}
`;
  return `apiVersion: kargo.akuity.io/v1alpha1
kind: Warehouse
metadata: {name: app, namespace: ${ns}}
spec:
  subscriptions:
  - git: {repoURL: "${appRepo}", branch: main}
${stage('test', '#1565c0', '{direct: true}')}${stage('uat', '#2e7d32', '{stages: [test]}')}${stage('prod', '#c62828', '{stages: [uat]}')}---
apiVersion: kargo.akuity.io/v1alpha1
kind: ProjectConfig
metadata: {name: ${ns}, namespace: ${ns}}
spec:
  promotionPolicies:
  - stageSelector: {name: test}
    autoPromotionEnabled: true
`;
};

/** Specs of a list as Kubernetes stores them, by kind/name; bookkeeping left out. */
function specs(list: string): Record<string, unknown> {
  const items = (
    JSON.parse(list) as {
      items: {
        kind: string;
        metadata: { name: string; annotations?: Record<string, string> };
        spec: unknown;
      }[];
    }
  ).items;
  return Object.fromEntries(
    items.map((o) => [
      `${o.kind}/${o.metadata.name}`,
      { spec: o.spec, color: o.metadata.annotations?.['kargo.akuity.io/color'] },
    ]),
  );
}

test('a new user builds the quickstart pipeline in the wizard; missing git credentials fail the first promotion, and credentials added in Wharf make the next one commit', async ({
  page,
}) => {
  const traffic = recordTraffic(page);
  await page.goto('/');
  await page.getByRole('link', { name: 'New project' }).click();
  await page.getByLabel('Project name').fill(project);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: 'Credentials', level: 2 })).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();

  await page.getByRole('button', { name: 'Add warehouse' }).click();
  await page.getByLabel('Warehouse name').fill('app');
  await page.getByLabel('Subscription 1 Repository URL').fill(appRepo);
  // A reload keeps the draft (URL + localStorage).
  await page.reload();
  await expect(page.getByLabel('Warehouse name')).toHaveValue('app');
  await page.getByRole('button', { name: 'Next' }).click();

  const colors = { test: 'Blue', uat: 'Green', prod: 'Red' } as const;
  for (const [i, name] of (['test', 'uat', 'prod'] as const).entries()) {
    await page.getByRole('button', { name: 'Add stage' }).click();
    const stage = page.getByRole('group', { name: `Stage ${i + 1}` });
    await stage.getByLabel('Stage name').fill(name);
    await stage.getByRole('radio', { name: colors[name] }).click();
    await addQuickstartSteps(page, stage, name);
  }
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Add policy' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('textbox', { name: 'YAML of the project' })).toContainText(
    'kind: ProjectConfig',
  );
  await page.getByRole('button', { name: 'Create project' }).click();

  const ui = new ProjectPage(page, project);
  await expect(page.getByRole('heading', { level: 1, name: project })).toBeVisible();

  // What the wizard made is what a person would write by hand for Kargo.
  const made = specs(
    await kubectl(['get', 'warehouses,stages,projectconfigs', '-n', project, '-o', 'json']),
  );
  const expected = specs(
    await kubectl(
      ['create', '--dry-run=server', '-o', 'json', '-f', '-'],
      handWritten('default'),
    ).then((out) => `{"items":[${out.trim().replace(/\}\n\{/g, '},{')}]}`),
  );
  expect(made).toEqual({
    ...expected,
    [`ProjectConfig/${project}`]: expected['ProjectConfig/default'],
    'ProjectConfig/default': undefined,
  });

  // test auto-promotes the first freight; the gitops server asks for credentials nobody gave.
  await ui.openStage('test');
  await expect(ui.drawer('Stage test')).toContainText(/add git credentials/, { timeout: 90_000 });
  await page.goto(`/projects/${project}/events`);
  await expect(page.getByText('PromotionErrored').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/add git credentials/).first()).toBeVisible();

  // The user adds them in Wharf…
  await page.goto(`/projects/${project}/settings?tab=credentials`);
  await page.getByRole('button', { name: 'Add credential' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a credential' });
  await dialog.getByLabel('Credential name').fill('gitops');
  await dialog.getByLabel('Repository URL').fill(gitops);
  await dialog.getByLabel('Username').fill('kargo');
  await dialog.getByLabel('Password or token').fill(PASSWORD);
  await dialog.getByRole('button', { name: 'Add credential' }).click();
  await expect(page.getByRole('table', { name: 'Credentials' })).toContainText(gitops);

  // …and promotes again: a real commit lands in the gitops repository.
  const freight = (
    await kubectl(['get', 'freight', '-n', project, '-o', 'jsonpath={.items[0].metadata.name}'])
  ).trim();
  await page.goto(`/projects/${project}?promote=test&freight=${freight}`);
  await ui.promoteDialog().getByRole('button', { name: 'Promote', exact: true }).click();
  await expect
    .poll(async () => server.show(`gitops-${id}`, 'main', 'test/values.yaml'), { timeout: 90_000 })
    .toMatch(/tag: [0-9a-f]{40}/);

  await traffic.done();
  expect(traffic.search(PASSWORD)).toEqual([]);
});
