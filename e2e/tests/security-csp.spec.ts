import { expect, test } from '@playwright/test';
import { ProjectPage } from '../pages/project-page.js';
import { watchForAttacks } from '../support/attack-watch.js';

// The embedded demo project every `npm start` seeds.
const DEMO = 'echo-server';

test('under the strict CSP every screen renders, styled, with no policy violation', async ({
  page,
}, info) => {
  const watch = await watchForAttacks(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible();
  // MUI's styles are emotion <style> tags: they apply only because they carry the nonce.
  await expect(page.getByRole('banner')).toHaveCSS('position', 'static');
  const project = new ProjectPage(page, DEMO);
  await project.goto();
  await expect(project.stage('staging')).toBeVisible();
  await project.openStage('staging');
  await page.getByRole('tab', { name: 'Live manifest' }).click();
  await expect(page.getByLabel('Live manifest')).toContainText('kind: Stage');
  await page.screenshot({ path: info.outputPath('csp-project.png') });
  await page.goto(`/projects/${DEMO}/events`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto(`/projects/${DEMO}/settings/access`);
  await expect(page.getByRole('table', { name: 'Roles' })).toBeVisible();
  expect(await watch.violations()).toEqual([]);
  expect(watch.console).toEqual([]);
  const styles = await page
    .locator('style[data-emotion]')
    .evaluateAll((els) => els.map((e) => (e as HTMLStyleElement).nonce));
  expect(styles.length).toBeGreaterThan(0);
  expect(styles.every((n) => Boolean(n))).toBe(true);
});

test('an injected inline script, event handler or eval does not run', async ({ page }) => {
  const watch = await watchForAttacks(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible();
  const ran = await page.evaluate(async () => {
    const w = window as unknown as Record<string, unknown>;
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.head.append(script);
    document.body.insertAdjacentHTML(
      'beforeend',
      '<img id="probe" src="data:," onerror="window.__handlerRan = true" onload="window.__handlerRan = true">',
    );
    // From a timer, so the page (not the test driver, which CSP exempts) asks for eval.
    const evalRan = await new Promise<boolean>((resolve) =>
      setTimeout(() => {
        try {
          resolve(Boolean(new Function('return true')()));
        } catch {
          resolve(false);
        }
      }, 0),
    );
    await new Promise((r) => setTimeout(r, 300));
    document.getElementById('probe')?.remove();
    return { inline: w.__inlineRan === true, handler: w.__handlerRan === true, eval: evalRan };
  });
  expect(ran).toEqual({ inline: false, handler: false, eval: false });
  // The browser refused each, and said so: the policy is what stopped them.
  const violations = await watch.violations();
  expect(violations.some((v) => v.startsWith('script-src-elem'))).toBe(true);
  expect(violations.some((v) => v.startsWith('script-src-attr'))).toBe(true);
  expect(violations.some((v) => /eval/.test(v))).toBe(true);
});
