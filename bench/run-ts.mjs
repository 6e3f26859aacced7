// Runs a TypeScript entry of a benchmark on Node 20 by bundling it with esbuild first:
//   node bench/run-ts.mjs <dir>/<entry> [--bundle-deps]     e.g. scale/main
// --bundle-deps bundles dependencies too (resolved from the web app as well), for entries that
// run browser code in Node, e.g. scale/layout-time.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export async function runTs(entry, bundleDeps = false) {
  const bench = fileURLToPath(new URL('.', import.meta.url));
  // Inside bench/node_modules so the bundle resolves the bench package's dependencies.
  const cache = join(bench, 'node_modules/.wharf-bench/');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(cache);
  const outfile = join(dir, `${entry.replace(/\//g, '-')}.mjs`);
  await build({
    entryPoints: [join(bench, `${entry}.ts`)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    ...(bundleDeps
      ? { nodePaths: [join(bench, '../apps/web/node_modules')] }
      : { packages: 'external' }),
    outfile,
    logLevel: 'warning',
  });
  process.env.WHARF_BENCH_DIR = bench;
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  await import(pathToFileURL(outfile).href);
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  await runTs(process.argv[2] ?? '', process.argv.includes('--bundle-deps'));
