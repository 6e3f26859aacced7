// First-screen JS only (the projects list): `npm run build` first, then from the repository root:
//   node bench/run-ts.mjs scale/first-screen-bench
// Signs in to the real BFF (bench project of 300 stages, see stack.ts) and sums the scripts the
// projects list loads, raw and gzipped at level 9.
import { resolve } from 'node:path';
import { launchBrowser } from './browser.js';
import { firstScreenJs } from './measure-first-screen.js';
import { ROOT, signIn, startStack } from './stack.js';

const dist = resolve(process.env.WEB_DIST ?? resolve(ROOT, 'apps/web/dist'));
const stack = await startStack(300, (m) => console.error(m));
const browser = await launchBrowser();
try {
  const context = await browser.newContext();
  await signIn(context, stack.bff);
  const js = await firstScreenJs(context, stack.bff.url, dist);
  console.log(
    `first screen (projects list): ${js.files} JS files, ${js.rawKB.toFixed(0)} KB raw, ${js.gzipKB.toFixed(0)} KB gzipped`,
  );
} finally {
  await browser.close();
  await stack.stop();
}
