import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, waitSettled } from './browser.js';
import { signIn, startStack, type Stack } from './stack.js';

/** A signed-in page about to open the bench project; see openProjectPage. */
export interface ProjectPageRun {
  stack: Stack;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Opens the project: a click on the projects list, or a cold load of its URL. */
  go(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The start-up the page profilers share: the real stack (see stack.ts) with a project of
 * `stages` stages, a browser signed in to it, and a page ready to open the project. From the list,
 * the project was opened once before and left once idle (scripts in the HTTP cache, what the page
 * keeps in storage, as a returning user has them) and the page shows the projects list; cold, the
 * page is blank.
 */
export async function openProjectPage(stages: number, fromList: boolean): Promise<ProjectPageRun> {
  const stack = await startStack(stages, (m) => console.error(m));
  const browser = await launchBrowser();
  const close = async () => {
    await browser.close();
    await stack.stop();
  };
  try {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    await signIn(context, stack.bff);
    const page = await context.newPage();
    const url = `${stack.bff.url}/projects/${stack.cluster.project}`;
    const link = page.getByRole('link', { name: `Open project ${stack.cluster.project}` });
    if (fromList) {
      await page.goto(url);
      // Settled, then idle: what the page keeps for a next visit (e.g. its layout) is written.
      await waitSettled(page);
      await page.evaluate(() => new Promise((done) => requestIdleCallback(() => done(null))));
      await page.goto(`${stack.bff.url}/`);
      await link.waitFor();
    }
    const go = async () => {
      if (fromList) await link.click();
      else await page.goto(url);
    };
    return { stack, browser, context, page, go, close };
  } catch (err) {
    await close();
    throw err;
  }
}
