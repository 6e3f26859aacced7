import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ProjectPage } from '../pages/project-page.js';

// Refreshes the README's screenshots from the real stack (embedded cluster with the demo):
//   WHARF_SCREENSHOTS=1 npx playwright test tests/screenshots.spec.ts   (from e2e/)
const OUT = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');

for (const scheme of ['light', 'dark'] as const) {
  test(`the main screens render in ${scheme} mode`, async ({ page }) => {
    test.skip(
      !process.env.WHARF_SCREENSHOTS,
      'set WHARF_SCREENSHOTS=1 to refresh docs/screenshots',
    );
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    const shot = (name: string) => page.screenshot({ path: join(OUT, `${name}-${scheme}.png`) });

    await page.goto('/');
    await expect(page.getByRole('link', { name: 'Open project echo-server' })).toBeVisible({
      timeout: 30_000,
    });
    await shot('projects');

    const retail = new ProjectPage(page, 'retail-platform');
    await retail.goto();
    await expect(retail.stage('integration')).toBeVisible();
    await page.waitForTimeout(1500);
    await shot('pipeline-fan-out');

    const project = new ProjectPage(page, 'echo-server');
    await project.goto();
    await expect(project.stage('development')).toBeVisible();
    await page.waitForTimeout(1500);
    await shot('pipeline');

    await project.openStage('development');
    await page.getByRole('tab', { name: 'Freight history' }).click();
    await shot('stage-drawer');
    await page.keyboard.press('Escape');

    await project.stage('staging').getByRole('button', { name: 'Promote to staging' }).click();
    await expect(project.promoteDialog()).toBeVisible();
    await page.waitForTimeout(800);
    await shot('promote-dialog');
    await page.keyboard.press('Escape');

    await project.openStage('development');
    await page.getByRole('tab', { name: 'Promotions' }).click();
    await page.getByRole('list', { name: 'Promotions' }).getByRole('button').first().click();
    await expect(page.getByRole('heading', { name: /^Promotion to/ })).toBeVisible();
    await page.waitForTimeout(500);
    await shot('promotion-drawer');
  });
}
