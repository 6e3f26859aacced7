import { expect, test } from '@playwright/test';
import { watchForAttacks } from '../support/attack-watch.js';
import { ensureKargoCrds } from '../support/kube.js';
import { createXssProject, MARKUP_PAYLOADS } from '../support/xss-corpus.js';

test('a project full of script payloads renders as text on every screen: nothing runs, no javascript: link', async ({
  page,
  request,
}, info) => {
  test.skip(!(await ensureKargoCrds()), "Kargo's CRDs are not available");
  test.setTimeout(120_000);
  const { name, freight } = await createXssProject();
  const watch = await watchForAttacks(page);
  const visit = async (where: string, ready: () => Promise<void>) => {
    await ready();
    await watch.expectNothingRan(where);
  };
  const heading = () => expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  await page.goto('/');
  await visit('projects list', () =>
    expect(page.getByRole('link', { name, exact: false }).first()).toBeVisible(),
  );
  await page.goto(`/projects/${name}`);
  await visit('pipeline graph', heading);
  // The payload shows as text: what would have been a script URL is on screen, inert.
  await expect(page.getByText('javascript:window.__xss=1').first()).toBeVisible();

  await page.goto(`/projects/${name}?view=list`);
  await visit('stage list', heading);
  for (const [drawer, tabs] of [
    ['stages/test', ['Overview', 'Freight history', 'Promotions', 'Live manifest']],
    [`freight/${freight}`, []],
    ['warehouses/shop', []],
  ] as const) {
    await page.goto(`/projects/${name}/${drawer}`);
    await visit(drawer, () => expect(page.getByRole('dialog')).toBeVisible());
    await page.screenshot({ path: info.outputPath(`xss-${drawer.split('/')[0]}.png`) });
    for (const tab of tabs) {
      const t = page.getByRole('tab', { name: tab });
      if (await t.isVisible()) {
        await t.click();
        await visit(`${drawer} → ${tab}`, async () => {
          await page.waitForTimeout(300);
        });
      }
    }
  }
  await page.goto(`/projects/${name}/events`);
  await visit('events', () => expect(page.getByText('XssProbe').first()).toBeVisible());
  await page.goto(`/projects/${name}/settings/access`);
  await visit('roles', () => expect(page.getByRole('table', { name: 'Roles' })).toBeVisible());
  await page.goto(`/projects/${name}/settings/access/roles/xss-role`);
  await visit('role page', () => expect(page.getByRole('heading', { level: 1 })).toBeVisible());
  // The role's claims (markup, and URLs as groups) are on screen as text.
  await expect(page.getByText('javascript:window.__xss=1').first()).toBeAttached();
  await page.screenshot({ path: info.outputPath('xss-role.png'), fullPage: true });
  for (const tab of ['Who can promote', 'My access']) {
    await page.goto(`/projects/${name}/settings/access`);
    await page.getByRole('tab', { name: tab }).click();
    await visit(`access → ${tab}`, () => page.waitForTimeout(300));
  }

  // The cockpit: the failing warehouse's message and the Kargo event's message and actor.
  await page.goto(`/attention?project=${name}`);
  await visit('cockpit', () =>
    expect(page.getByRole('heading', { name: 'Recent activity' })).toBeVisible(),
  );
  // The payloads are on screen as text.
  await expect(page.getByText(MARKUP_PAYLOADS[3] ?? '').first()).toBeAttached();
  await page.screenshot({ path: info.outputPath('xss-cockpit.png'), fullPage: true });
  // The command palette's search shows freight by its commit message.
  await page.keyboard.press('Control+k');
  await page.getByLabel('Search projects, stages, warehouses, freight, promotions').fill('__xss');
  await visit('search', () =>
    expect(
      page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first(),
    ).toBeVisible(),
  );
  await page.screenshot({ path: info.outputPath('xss-search.png') });
  await page.keyboard.press('Escape');

  // An alias is a label value: Kubernetes refuses markup there, and nothing changes.
  const alias = await request.patch(`/api/v1/projects/${name}/freight/${freight}/alias`, {
    headers: { 'x-wharf-csrf': '1' },
    data: { alias: MARKUP_PAYLOADS[0] },
  });
  expect(alias.status()).toBeGreaterThanOrEqual(400);
  expect(alias.status()).toBeLessThan(500);
  expect(await watch.violations()).toEqual([]);
});
