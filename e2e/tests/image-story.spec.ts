import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import {
  startGitServer,
  startRegistry,
  type GitServer,
  type OciRegistry,
} from '@wharf/test-support';
import { expect, test } from '@playwright/test';
import { ProjectPage } from '../pages/project-page.js';
import { freightOf, freightWithTag, imageStoryManifest } from '../support/image-story.js';
import { apply, ensureKargoCrds } from '../support/kube.js';

// The seed's own story on a real registry and a real git server: images arrive, become freight,
// roll through the stages as commits, and an older version is assembled by hand and rolled out.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

let registry: OciRegistry;
let git: GitServer;
const project = `image-story-${randomBytes(3).toString('hex')}`;
const day = (d: number) => new Date(Date.UTC(2026, 0, d));

test.beforeAll(async () => {
  test.skip(!(await ensureKargoCrds()), "Kargo's CRDs are not available");
  [registry, git] = await Promise.all([startRegistry(), startGitServer()]);
  for (const [i, tag] of ['0.9.0', '0.9.1', '0.9.2'].entries())
    await registry.pushImage('echo-server', tag, { created: day(i + 1) });
  const gitopsRepo = await git.createRepo('gitops', {
    'app/development.yaml': 'image:\n  tag: none\n',
    'app/staging.yaml': 'image:\n  tag: none\n',
    'app/production.yaml': 'image:\n  tag: none\n',
  });
  await apply(
    imageStoryManifest({
      project,
      image: `${registry.host}/echo-server`,
      gitopsRepo,
      gitUser: git.username,
      gitPassword: git.password,
    }),
  );
});
test.afterAll(async () => {
  await Promise.all([registry?.close(), git?.close()]);
});

const deployed = (stage: string) => git.show('gitops', 'main', `app/${stage}.yaml`).catch(() => '');
const aliasOf = async (tag: string) => {
  const f = await freightWithTag(project, tag);
  if (!f?.alias) throw new Error(`no freight for ${tag}`);
  return f.alias;
};

test('pushed tags become freight with Kargo names and aliases; development auto-promotes and the GitOps repo gets image.tag 0.9.2', async ({
  page,
}) => {
  const ui = new ProjectPage(page, project);
  await ui.goto();
  await expect
    .poll(async () => (await freightWithTag(project, '0.9.2'))?.alias, { timeout: 60_000 })
    .toBeTruthy();
  const freight = await freightOf(project);
  expect(freight).toHaveLength(1);
  expect(freight[0]?.metadata.name).toMatch(/^[0-9a-f]{40}$/);
  await expect(ui.freightCard(await aliasOf('0.9.2'))).toBeVisible();
  await expect
    .poll(() => deployed('development'), { timeout: 60_000 })
    .toBe('image:\n  tag: 0.9.2\n');
  // The warehouse lists what it found (discoveryLimit is 3): the drawer's tables show them.
  await page.getByRole('button', { name: 'Open warehouse echo-server' }).click();
  await page.getByRole('tab', { name: 'Assemble freight' }).click();
  const table = page.getByRole('radiogroup', { name: `Image ${registry.host}/echo-server` });
  await expect(table.getByRole('radio')).toHaveCount(3);
  for (const tag of ['0.9.2', '0.9.1', '0.9.0'])
    await expect(
      table.getByRole('radio', { name: new RegExp(`${tag.replace(/\./g, '\\.')}$`) }),
    ).toBeVisible();
});

test('promote to staging by click and to production by alias; the GitOps repo follows', async ({
  page,
}) => {
  const alias = await aliasOf('0.9.2');
  const ui = new ProjectPage(page, project);
  const name = (await freightWithTag(project, '0.9.2'))?.metadata.name ?? '';
  await page.goto(`/projects/${project}?promote=staging&freight=${name}`);
  await ui.promoteDialog().getByRole('button', { name: 'Promote', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Promotion to staging' })).toBeVisible();
  await expect.poll(() => deployed('staging'), { timeout: 60_000 }).toBe('image:\n  tag: 0.9.2\n');
  // Available to production once staging has verified it (422 until then, nothing created).
  const byAlias = () =>
    page.request
      .post(`/api/v1/projects/${project}/stages/production/promotions`, {
        headers: { 'x-wharf-csrf': '1' },
        data: { freightAlias: alias },
      })
      .then((r) => r.status());
  await expect.poll(byAlias, { timeout: 60_000 }).toBe(201);
  await expect
    .poll(() => deployed('production'), { timeout: 60_000 })
    .toBe('image:\n  tag: 0.9.2\n');
});

test('a new tag arrives live when the warehouse is refreshed, and rolls into development', async ({
  page,
}) => {
  const ui = new ProjectPage(page, project);
  await ui.goto();
  await registry.pushImage('echo-server', '0.9.3', { created: day(4) });
  await page.getByRole('button', { name: 'Refresh echo-server' }).click();
  await expect
    .poll(() => freightWithTag(project, '0.9.3').then((f) => f?.alias), { timeout: 60_000 })
    .toBeTruthy();
  await expect(ui.freightCard(await aliasOf('0.9.3'))).toBeVisible();
  await expect
    .poll(() => deployed('development'), { timeout: 60_000 })
    .toBe('image:\n  tag: 0.9.3\n');
  // Discovery keeps the newest three: 0.9.0 has dropped out.
  await page.getByRole('button', { name: 'Open warehouse echo-server' }).click();
  await page.getByRole('tab', { name: 'Assemble freight' }).click();
  const table = page.getByRole('radiogroup', { name: `Image ${registry.host}/echo-server` });
  await expect(table.getByRole('radio', { name: /0\.9\.3$/ })).toBeVisible();
  await expect(table.getByRole('radio')).toHaveCount(3);
  await expect(table.getByRole('radio', { name: /0\.9\.0$/ })).toHaveCount(0);
});

test('freight assembled by hand with 0.9.1 is the newest, so development rolls it out; the timeline shows who holds what', async ({
  page,
}) => {
  const ui = new ProjectPage(page, project);
  await ui.goto();
  await page.getByRole('button', { name: 'Open warehouse echo-server' }).click();
  await page.getByRole('tab', { name: 'Assemble freight' }).click();
  const table = page.getByRole('radiogroup', { name: `Image ${registry.host}/echo-server` });
  await table.getByRole('radio', { name: /0\.9\.1$/ }).check();
  await page.getByLabel('Alias (optional)').fill('hand-made');
  await page.getByRole('button', { name: 'Create freight' }).click();
  await expect(page.getByRole('heading', { name: 'Freight hand-made' })).toBeVisible();
  const made = await freightWithTag(project, '0.9.1');
  expect(made?.alias).toBe('hand-made');
  await expect
    .poll(() => deployed('development'), { timeout: 60_000 })
    .toBe('image:\n  tag: 0.9.1\n');
  await page.keyboard.press('Escape');
  await expect(ui.freightCard('hand-made').getByLabel('In stages: development')).toBeVisible({
    timeout: 30_000,
  });
  await expect(
    ui.freightCard(await aliasOf('0.9.2')).getByLabel('In stages: staging, production'),
  ).toBeVisible();
  expect(await deployed('staging')).toBe('image:\n  tag: 0.9.2\n');
});

// Refreshes docs/screenshots/assemble-freight-*.png: WHARF_SCREENSHOTS=1, as screenshots.spec.ts.
for (const scheme of ['light', 'dark'] as const)
  test(`assembling freight from a clone renders in ${scheme} mode`, async ({ page }) => {
    test.skip(
      !process.env.WHARF_SCREENSHOTS,
      'set WHARF_SCREENSHOTS=1 to refresh docs/screenshots',
    );
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    const from = (await freightWithTag(project, '0.9.2'))?.metadata.name ?? '';
    await page.goto(`/projects/${project}/warehouses/echo-server?tab=assemble&clone=${from}`);
    await expect(
      page.getByRole('radiogroup', { name: /^Image / }).getByRole('radio', { checked: true }),
    ).toHaveAccessibleName(/0\.9\.2$/);
    await expect(page.getByText(/already holds these versions/)).toBeVisible();
    await page.waitForTimeout(800);
    await page.screenshot({
      path: join(
        import.meta.dirname,
        '..',
        '..',
        'docs',
        'screenshots',
        `assemble-freight-${scheme}.png`,
      ),
    });
  });
