/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';

/** Every script the projects list loads (the first screen), raw and gzipped at level 9. */
export async function firstScreenJs(context: BrowserContext, url: string, dist: string) {
  const page = await context.newPage();
  await page.goto(`${url}/`);
  await page.getByRole('heading', { name: 'Projects' }).waitFor();
  await page.getByRole('list', { name: 'Projects' }).getByRole('listitem').first().waitFor();
  const urls = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .concat(
        Array.from(document.querySelectorAll<HTMLScriptElement>('script[src]'), (s) => s.src),
      ),
  );
  await page.close();
  const js = [...new Set(urls.filter((u) => new URL(u).pathname.endsWith('.js')))];
  let raw = 0;
  let gz = 0;
  for (const u of js) {
    const body = readFileSync(resolve(dist, `.${new URL(u).pathname}`));
    raw += body.length;
    gz += gzipSync(body, { level: 9 }).length;
  }
  return { files: js.length, rawKB: raw / 1024, gzipKB: gz / 1024 };
}
