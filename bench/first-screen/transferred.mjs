// What the first screen (sign-in, then the projects list) costs on the wire: bytes transferred
// (encoded, after any HTTP compression) and decoded, per type, as Chromium's network log counts
// them. Runs the built app (`npm run build` first) on the embedded cluster with its demo.
//   node bench/first-screen/transferred.mjs
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumLaunchOptions } from '@wharf/test-support/chromium';
import { chromium } from 'playwright-core';

const ROOT = join(import.meta.dirname, '..', '..');
const PORT = 18000 + Math.floor(Math.random() * 1000);
const PASSWORD = 'first-screen-password';
const url = `http://127.0.0.1:${PORT}/`;
const dataDir = mkdtempSync(join(tmpdir(), 'wharf-first-screen-'));
const bff = spawn(process.execPath, ['apps/bff/dist/main.js'], {
  cwd: ROOT,
  env: {
    ...process.env,
    PORT: String(PORT),
    WHARF_DATA_DIR: dataDir,
    WHARF_ADMIN_PASSWORD: PASSWORD,
    LOG_LEVEL: 'warn',
  },
  stdio: 'ignore',
});
try {
  for (let i = 0; ; i++) {
    const ok = await fetch(`${url}readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 600) throw new Error('the app did not become ready');
    await new Promise((r) => setTimeout(r, 200));
  }
  const browser = await chromium.launch(chromiumLaunchOptions());
  const context = await browser.newContext();
  // Signed in already: the first screen is the projects list, as a returning user sees it.
  const login = await context.request.post(`${url}api/v1/auth/login`, {
    data: { password: PASSWORD },
    headers: { 'x-wharf-csrf': '1', origin: url.slice(0, -1) },
  });
  if (!login.ok()) throw new Error(`sign-in: ${login.status()}`);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const types = new Map();
  const totals = { encoded: 0, decoded: 0, requests: 0 };
  const info = new Map();
  cdp.on('Network.responseReceived', (e) => info.set(e.requestId, { type: e.type }));
  cdp.on('Network.dataReceived', (e) => {
    const i = info.get(e.requestId);
    if (i) i.decoded = (i.decoded ?? 0) + e.dataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const i = info.get(e.requestId);
    if (!i) return;
    const t = types.get(i.type) ?? { encoded: 0, decoded: 0, requests: 0 };
    t.encoded += e.encodedDataLength;
    t.decoded += i.decoded ?? 0;
    t.requests += 1;
    types.set(i.type, t);
    totals.encoded += e.encodedDataLength;
    totals.decoded += i.decoded ?? 0;
    totals.requests += 1;
  });
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: 'Projects' }).waitFor();
  await page
    .getByRole('link', { name: /^Open project / })
    .first()
    .waitFor();
  await page.waitForLoadState('networkidle');
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  for (const [type, t] of [...types].sort()) {
    console.log(
      `${type.padEnd(10)} ${String(t.requests).padStart(3)} requests  ${kb(t.encoded).padStart(8)} transferred  ${kb(t.decoded).padStart(8)} decoded`,
    );
  }
  console.log(
    `${'total'.padEnd(10)} ${String(totals.requests).padStart(3)} requests  ${kb(totals.encoded).padStart(8)} transferred  ${kb(totals.decoded).padStart(8)} decoded`,
  );
  await browser.close();
} finally {
  bff.kill('SIGTERM');
  await new Promise((r) => bff.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
