import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { spawnBff, stopBff, waitHealthy } from '../support/bff-process.js';
import { e2eEnv } from '../support/env.js';

/** A copy of the web build whose manifest names another entry script: a newer Wharf's. */
function otherBuild(): string {
  const dist = mkdtempSync(join(tmpdir(), 'wharf-e2e-other-build-'));
  cpSync(join(import.meta.dirname, '..', '..', 'apps', 'web', 'dist'), dist, { recursive: true });
  const path = join(dist, '.vite', 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, { file: string }>;
  manifest['index.html'] = { file: 'assets/index-newer.js' };
  writeFileSync(path, JSON.stringify(manifest));
  return dist;
}

test('an open page whose server was upgraded offers a reload, and the notice goes once it runs the page’s build again', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { url, dataDir, port } = e2eEnv();
  const notice = page.getByRole('status', { name: 'Wharf was updated' });
  await page.goto('/');
  await expect(page.getByRole('status', { name: /^Live updates:/ })).toHaveAccessibleName(
    'Live updates: Live',
  );
  await expect(notice).toHaveCount(0);
  const dist = otherBuild();
  try {
    await stopBff(dataDir);
    const upgraded = spawnBff(port, dataDir, { WHARF_WEB_DIST: dist });
    await waitHealthy(url, () => upgraded.exitCode !== null);
    await expect(notice).toBeVisible({ timeout: 30_000 });
    // Keyboard reachable, and it reloads the page.
    const reload = notice.getByRole('button', { name: 'Reload' });
    await reload.focus();
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    // The reloaded page is still not the build this server names (only its manifest differs).
    await expect(notice).toBeVisible({ timeout: 30_000 });
  } finally {
    await stopBff(dataDir);
    rmSync(dist, { recursive: true, force: true });
    const child = spawnBff(port, dataDir);
    await waitHealthy(url, () => child.exitCode !== null);
  }
  await expect(page.getByRole('status', { name: /^Live updates:/ })).toHaveAccessibleName(
    'Live updates: Live',
    { timeout: 30_000 },
  );
  // Back on a server of the page's own build: the notice it showed goes.
  await expect(notice).toHaveCount(0);
});
