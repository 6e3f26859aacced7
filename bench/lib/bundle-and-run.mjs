// Bundles a benchmark written in TypeScript (and the workspace TypeScript it imports) with
// esbuild, then runs it on Node 20.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** `entry` is the benchmark's URL, e.g. `new URL('./bench.ts', import.meta.url)`. */
export async function bundleAndRun(entry) {
  // Inside the repository, four levels down as test-support's own sources are, so code that finds
  // the repository from its own location (the production topology) still finds it.
  const cache = fileURLToPath(new URL('../node_modules/.cache/', import.meta.url));
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'wharf-bench-'));
  const outfile = join(dir, 'bench.mjs');
  await build({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    conditions: ['source'],
    // CommonJS dependencies bundled into ESM still call require() for Node's built-ins.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    outfile,
    logLevel: 'warning',
  });
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  await import(pathToFileURL(outfile).href);
}
