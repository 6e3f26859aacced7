/// <reference lib="dom" />
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '@wharf/test-support/chromium';
import { panFrameTimes, percentile } from './measure-page.js';

export interface PageRun {
  /** Navigation start → stage nodes drawn, freight timeline filled, layout done (cold load). */
  settledMs: number;
  /**
   * A returning user opening the project from the projects list (scripts in the HTTP cache):
   * the click reaching the page (its pointerdown) → settled.
   */
  openMs: number;
  /**
   * The same open from the bench's call to click: adds the driver finding the link by its role
   * and checking it can be clicked, work no user's click waits for (about 0.1 s on the list).
   */
  openCallMs: number;
  /** Navigation start → a click on a stage has opened its drawer. */
  interactiveMs: number;
  frameP50: number;
  frameP95: number;
  /** JS heap of the page after a garbage collection, once settled and panned. */
  heapMb: number;
  /** The first graph layout, from asking the worker to having positions. */
  layoutMs: number;
  /**
   * CPU every Chromium process used from navigation to settled (SystemInfo.getProcessInfo): the
   * work the load needs whatever else the machine runs; settledMs adds waiting for a core.
   */
  chromiumCpuMs: number;
}

/** CPU milliseconds all of the browser's processes have used so far. */
export async function chromiumCpuMs(browser: Browser): Promise<number> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
      processInfo: { cpuTime: number }[];
    };
    return processInfo.reduce((sum, p) => sum + p.cpuTime, 0) * 1000;
  } finally {
    await cdp.detach();
  }
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions());
}

/**
 * Settled: a stage node in the DOM, the timeline showing cards, no progress bar left. Throws
 * with the page's message when it shows an error instead.
 */
export async function waitSettled(page: Page, timeout = 120_000): Promise<number> {
  const outcome = await page.waitForFunction(
    () => {
      const alert = document.querySelector(
        'main [role="alert"], [role="alert"].MuiAlert-standardError',
      );
      if (alert) return `error: ${alert.textContent ?? ''}`;
      return document.querySelector('.react-flow__node-stage') !== null &&
        document.querySelector('[aria-label="Freight, newest first"] [role="listitem"]') !== null &&
        document.querySelector('.MuiLinearProgress-root') === null
        ? 'settled'
        : false;
    },
    undefined,
    { timeout, polling: 'raf' },
  );
  const state = await outcome.jsonValue();
  if (state !== 'settled') throw new Error(`the page showed ${String(state)}`);
  return page.evaluate(() => performance.now());
}

/** Clicks the name of a stage that nothing covers; returns when its drawer is open. */
async function openAStage(page: Page): Promise<number> {
  const found = await page.waitForFunction(
    () => {
      const buttons = Array.from(document.querySelectorAll('button[aria-label^="Open stage "]'));
      const i = buttons.findIndex((b) => {
        const r = b.getBoundingClientRect();
        const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
        return hit !== null && (hit === b || b.contains(hit));
      });
      return i >= 0 ? { i } : false; // an object: index 0 is falsy
    },
    undefined,
    { timeout: 30_000, polling: 100 },
  );
  const { i: index } = (await found.jsonValue()) as { i: number };
  await page.locator('button[aria-label^="Open stage "]').nth(index).click();
  await page.getByRole('tab', { name: 'Freight history' }).waitFor();
  const t = await page.evaluate(() => performance.now());
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: 'Freight history' }).waitFor({ state: 'detached' });
  return t;
}

/**
 * From the projects list (a fresh document, scripts cached), click the project: ms to settled,
 * counted from the click's pointerdown as the page saw it, and from the bench's call.
 */
async function openFromList(
  page: Page,
  url: string,
  project: string,
): Promise<{ openMs: number; openCallMs: number }> {
  await page.goto(`${url}/`);
  const link = page.getByRole('link', { name: `Open project ${project}` });
  await link.waitFor();
  const start = await page.evaluate(() => {
    const w = window as unknown as { __benchPointerDown?: number };
    const listener = (e: PointerEvent) => (w.__benchPointerDown = e.timeStamp);
    addEventListener('pointerdown', listener, { capture: true, once: true });
    return performance.now();
  });
  await link.click();
  const settled = await waitSettled(page, 120_000);
  const down = await page.evaluate(
    () => (window as unknown as { __benchPointerDown?: number }).__benchPointerDown,
  );
  if (down === undefined) throw new Error('the click never reached the projects list');
  return { openMs: settled - down, openCallMs: settled - start };
}

/** Opens the project page signed in, and measures settling, a first click, panning and heap. */
export async function measureOpen(
  browser: Browser,
  url: string,
  cookie: string,
  project: string,
): Promise<PageRun> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const [name, value] = cookie.split('=');
  await context.addCookies([{ name: name ?? '', value: value ?? '', url }]);

  const page = await context.newPage();
  try {
    const cpuBefore = await chromiumCpuMs(browser);
    await page.goto(`${url}/projects/${project}`);
    const settledMs = await waitSettled(page, 120_000);
    const cpuMs = (await chromiumCpuMs(browser)) - cpuBefore;
    const layoutMs = await page.evaluate(
      () => performance.getEntriesByName('wharf:layout')[0]?.duration ?? NaN,
    );
    const interactiveMs = await openAStage(page).catch(async (err: unknown) => {
      const shot = join(tmpdir(), `wharf-scale-${Date.now()}.png`);
      await page.screenshot({ path: shot });
      throw new Error(`${String(err).split('\n')[0]} (screenshot: ${shot})`);
    });
    const frames = await panFrameTimes(page);
    const { openMs, openCallMs } = await openFromList(page, url, project);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return {
      settledMs,
      openMs,
      openCallMs,
      interactiveMs,
      frameP50: percentile(frames, 50),
      frameP95: percentile(frames, 95),
      heapMb: heap.usedSize / 1024 / 1024,
      layoutMs,
      chromiumCpuMs: cpuMs,
    };
  } finally {
    await context.close();
  }
}
