/// <reference lib="dom" />
import type { Page } from 'playwright-core';

/** Milliseconds from navigation start until `selector` is in the DOM. */
export async function timeUntil(page: Page, selector: string, timeout = 60_000): Promise<number> {
  await page.waitForSelector(selector, { timeout, state: 'attached' });
  return page.evaluate(() => performance.now());
}

/** Frame times (ms) while dragging the graph around for `durationMs`. */
export async function panFrameTimes(page: Page, durationMs = 2000): Promise<number[]> {
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('no graph pane to pan');
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__frames = [];
    w.__stop = false;
    const tick = (t: number) => {
      w.__frames.push(t);
      if (!w.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const cx = pane.x + pane.width / 2;
  const cy = pane.y + pane.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  const steps = Math.round(durationMs / 16);
  for (let i = 0; i < steps; i++) {
    const a = (i / steps) * Math.PI * 4;
    await page.mouse.move(cx + Math.cos(a) * 300, cy + Math.sin(a) * 200);
  }
  await page.mouse.up();
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__stop = true;
    return w.__frames;
  });
  return frames.slice(1).map((t, i) => t - (frames[i] ?? t));
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
