import type { Browser, Page } from 'playwright-core';
import { chromiumCpuMs } from '../scale/browser.js';
import type { BffProcess } from '../scale/bff-process.js';
import { signIn } from '../scale/stack.js';

/** Milliseconds from navigation until Needs attention's heading shows its count. */
export async function timeAttentionPaint(page: Page, url: string): Promise<number> {
  const t0 = performance.now();
  await page.goto(`${url}/attention`);
  await page
    .getByRole('heading', { level: 1, name: /^Needs attention \(\d+\)$/ })
    .waitFor({ timeout: 60_000 });
  return performance.now() - t0;
}

/** One open's wall time and the CPU all of Chromium's processes used for it. */
export interface Paint {
  ms: number;
  cpuMs: number;
}

async function timedPaint(browser: Browser, page: Page, url: string): Promise<Paint> {
  const before = await chromiumCpuMs(browser);
  const ms = await timeAttentionPaint(page, url);
  return { ms, cpuMs: (await chromiumCpuMs(browser)) - before };
}

/**
 * A cold open (a browser profile that never loaded Wharf), then a returning user's open in a new
 * tab, the hashed scripts in the HTTP cache. The first tab is closed before the second opens: a
 * returning user's earlier tab is not still drawing its rows and joining its rooms, and while it
 * was, the second open measured that work's contention (it read as slower than cold).
 */
export async function coldThenCached(
  browser: Browser,
  bff: BffProcess,
): Promise<{ cold: Paint; cached: Paint }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    await signIn(context, bff);
    const first = await context.newPage();
    const cold = await timedPaint(browser, first, bff.url);
    await first.close();
    const cached = await timedPaint(browser, await context.newPage(), bff.url);
    return { cold, cached };
  } finally {
    await context.close();
  }
}
