// `npm test`: every check the project has, in order, then one closing line
// `N passed, N failed[, N skipped]`. Lint, type check and build count as one check each;
// Vitest and Playwright contribute their own test counts (read from their JSON reports).
// `npm test -- unit e2e` runs only the named steps.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { ensureInstalled } from './lib/bootstrap.mjs';
import { ensureBuilt } from './lib/build.mjs';
import { run } from './lib/run.mjs';
import { ensureSystemDeps } from './lib/system-deps.mjs';

const OUT = '.test-output';
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const started = Date.now();

async function check(name, fn) {
  const ok = await fn().then(
    (r) => r !== false,
    (err) => {
      console.error(`[wharf] ${name}: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    },
  );
  if (ok) totals.passed += 1;
  else {
    totals.failed += 1;
    failures.push(name);
  }
  return ok;
}

const bin = (name) => `node_modules/.bin/${name}`;
const exit0 = async (cmd, args, opts) => (await run(cmd, args, opts)) === 0;

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

async function vitest() {
  const file = `${OUT}/vitest.json`;
  rmSync(file, { force: true });
  const code = await run(bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${file}`,
  ]);
  const report = readJson(file);
  if (!report) {
    totals.failed += 1;
    failures.push('vitest (no report: the runner crashed)');
    return;
  }
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  if (report.numFailedTests > 0) failures.push(`vitest: ${report.numFailedTests} failed`);
  // Name each failed test, so the last lines of a CI log say what broke.
  for (const file of report.testResults)
    for (const t of file.assertionResults)
      if (t.status === 'failed') failures.push(`  ${relative('.', file.name)} › ${t.fullName}`);
  // Suites that fail to load, or whose beforeAll throws, report no failed test (their tests are
  // skipped); count them so a broken file can't pass silently.
  const broken = report.testResults.filter(
    (r) => r.status === 'failed' && !r.assertionResults.some((t) => t.status === 'failed'),
  );
  totals.failed += broken.length;
  for (const b of broken) failures.push(`vitest: ${b.name} failed to run`);
  if (code !== 0 && report.numFailedTests === 0 && broken.length === 0) {
    totals.failed += 1;
    failures.push(`vitest exited with ${code}`);
  }
}

async function playwright() {
  const file = `${OUT}/playwright.json`;
  rmSync(file, { force: true });
  const code = await run(
    'e2e/node_modules/.bin/playwright',
    ['test', '-c', 'e2e/playwright.config.ts', '--reporter=list,json'],
    {
      env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: resolve(file) },
    },
  );
  const report = readJson(file);
  if (!report) {
    totals.failed += 1;
    failures.push('playwright (no report: the runner crashed)');
    return;
  }
  const s = report.stats;
  totals.passed += s.expected + s.flaky;
  totals.failed += s.unexpected;
  totals.skipped += s.skipped;
  if (s.unexpected > 0) failures.push(`playwright: ${s.unexpected} failed`);
  if (code !== 0 && s.unexpected === 0) {
    totals.failed += 1;
    failures.push(`playwright exited with ${code}`);
  }
}

const only = process.argv.slice(2);
const want = (step) => only.length === 0 || only.includes(step);

mkdirSync(OUT, { recursive: true });
await ensureSystemDeps();
await ensureInstalled();
if (want('lint')) {
  await check('eslint', () => exit0(bin('eslint'), ['.', '--max-warnings=0']));
  await check('prettier', () => exit0(bin('prettier'), ['--check', '.', '--log-level=warn']));
}
if (want('types')) {
  await check('typecheck (node)', () => exit0(bin('tsc'), ['-p', 'tsconfig.json']));
  await check('typecheck (web)', () => exit0(bin('tsc'), ['-p', 'apps/web/tsconfig.json']));
}
let built = true;
if (want('e2e') || want('build'))
  built = await check('build', () => ensureBuilt().then(() => true));
if (want('unit')) await vitest();
if (want('e2e')) {
  if (built) await playwright();
  else failures.push('e2e not run: the build failed');
}

const minutes = ((Date.now() - started) / 60000).toFixed(1);
if (failures.length) console.log(`\n[wharf] failures:\n  - ${failures.join('\n  - ')}`);
console.log(`[wharf] test wall time ${minutes} min`);
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed > 0 ? 1 : 0);
