import { expect, test } from '@playwright/test';
import { spawnBff, stopBff, waitHealthy } from '../support/bff-process.js';
import { e2eEnv } from '../support/env.js';

test('when the server stops the page says it is reconnecting with stale data, and goes live again when it returns', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { url, dataDir, port } = e2eEnv();
  await page.goto('/');
  const live = page.getByRole('status', { name: /^Live updates:/ });
  await expect(live).toHaveAccessibleName('Live updates: Live');
  await stopBff(dataDir);
  await expect(live).toHaveAccessibleName(/Live updates: (Reconnecting…|Offline) · stale for/, {
    timeout: 20_000,
  });
  await expect(page.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible();
  const child = spawnBff(port, dataDir);
  await waitHealthy(url, () => child.exitCode !== null);
  await expect(live).toHaveAccessibleName('Live updates: Live', { timeout: 30_000 });
});
