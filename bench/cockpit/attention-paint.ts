import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumCpuMs } from '../scale/browser.js';
import type { BffProcess } from '../scale/bff-process.js';
import { signIn } from '../scale/stack.js';

const HEADING = /^Needs attention \(\d+\)$/;

/** What the page's own observer saw (installed by `watchCountPaint`). */
interface CountPaint {
  /** `performance.timeOrigin` of the document: its navigation start, as epoch milliseconds. */
  timeOrigin: number;
  /** Element Timing's `renderTime`: when the frame that drew the count was presented. */
  renderTime: number;
}

/**
 * Runs in the page before its own scripts: keeps when the heading's count (the element the app
 * marks `elementtiming="attention-count"`) was first painted, as the browser reports it. Playwright's
 * `waitFor` cannot tell: it reads the DOM, not the screen (so it can see the heading before its
 * frame is presented), and looks again only after 0, 20, 50, 100, 100, then every 500 ms.
 */
function watchCountPaint(): void {
  type ElementTiming = PerformanceEntry & { identifier: string; renderTime: number };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as ElementTiming[]) {
      if (entry.identifier !== 'attention-count' || '__countPaint' in window) continue;
      const paint = { timeOrigin: performance.timeOrigin, renderTime: entry.renderTime };
      Object.assign(window, { __countPaint: paint });
    }
  }).observe({ type: 'element', buffered: true });
}

/** Every page of the context reports its count's first paint. */
export async function watchPaints(context: BrowserContext): Promise<void> {
  await context.addInitScript(watchCountPaint);
}

/** One open, both ways of telling when the heading with its count was on screen. */
export interface AttentionPaint {
  /** From the bench's `goto` until the frame that drew the heading's count was presented. */
  ms: number;
  /** From the same start until Playwright's `waitFor` saw it (the measure before session 8). */
  pollMs: number;
}

/**
 * Needs attention's first paint, from `page.goto` (the bench's clock, so the start is the same as
 * before session 8) to the presentation of the frame that drew the heading's count, as the page's
 * Element Timing reports it. Both clocks are epoch based on one machine. The page must be in a
 * context given to `watchPaints`.
 */
export async function timeAttentionPaint(page: Page, url: string): Promise<AttentionPaint> {
  const t0 = performance.timeOrigin + performance.now();
  await page.goto(`${url}/attention`);
  await page.getByRole('heading', { level: 1, name: HEADING }).waitFor({ timeout: 60_000 });
  const pollMs = performance.timeOrigin + performance.now() - t0;
  // Presentation can be reported a frame after the DOM has the heading.
  const handle = await page.waitForFunction(
    () => (window as unknown as { __countPaint?: CountPaint }).__countPaint,
  );
  const paint = (await handle.jsonValue()) as CountPaint;
  const ms = paint.timeOrigin + paint.renderTime - t0;
  if (!(paint.renderTime > 0 && ms > 0)) {
    throw new Error(`the page reported no paint time for the count (${JSON.stringify(paint)})`);
  }
  return { ms, pollMs };
}

/** One open's times and the CPU all of Chromium's processes used for it. */
export interface Paint extends AttentionPaint {
  cpuMs: number;
}

async function timedPaint(browser: Browser, page: Page, url: string): Promise<Paint> {
  const before = await chromiumCpuMs(browser);
  const times = await timeAttentionPaint(page, url);
  return { ...times, cpuMs: (await chromiumCpuMs(browser)) - before };
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
    await watchPaints(context);
    const first = await context.newPage();
    const cold = await timedPaint(browser, first, bff.url);
    await first.close();
    const cached = await timedPaint(browser, await context.newPage(), bff.url);
    return { cold, cached };
  } finally {
    await context.close();
  }
}
