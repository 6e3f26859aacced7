import type { Page } from 'playwright-core';

/** Milliseconds from navigation until Needs attention's heading shows its count. */
export async function timeAttentionPaint(page: Page, url: string): Promise<number> {
  const t0 = performance.now();
  await page.goto(`${url}/attention`);
  await page
    .getByRole('heading', { level: 1, name: /^Needs attention \(\d+\)$/ })
    .waitFor({ timeout: 60_000 });
  return performance.now() - t0;
}
