import { ProjectPage } from '../pages/project-page.js';
import { e2eEnv } from '../support/env.js';
import { ADMIN_STATE } from '../support/sign-in.js';
import { expect, test } from '../support/kargo-test.js';

test("a promotion made in one browser shows up live in another browser's stage drawer", async ({
  browser,
  fixture,
}) => {
  const { url } = e2eEnv();
  const alice = await browser.newContext({ baseURL: url, storageState: ADMIN_STATE });
  const bob = await browser.newContext({ baseURL: url, storageState: ADMIN_STATE });
  try {
    const a = new ProjectPage(await alice.newPage(), fixture.name);
    const b = new ProjectPage(await bob.newPage(), fixture.name);
    await b.goto();
    await b.openStage('test');
    await b.page.getByRole('tab', { name: 'Promotions' }).click();
    await expect(b.page.getByText('No promotions yet.')).toBeVisible();
    await a.page.goto(`/projects/${fixture.name}?promote=test&freight=${fixture.freight.new}`);
    await a.promoteDialog().getByRole('button', { name: 'Promote', exact: true }).click();
    await expect(a.page.getByRole('heading', { name: 'Promotion to test' })).toBeVisible();
    await expect(
      b.page.getByRole('list', { name: 'Promotions' }).getByRole('button', { name: 'new-newt' }),
    ).toBeVisible({ timeout: 15_000 });
  } finally {
    await alice.close();
    await bob.close();
  }
});
