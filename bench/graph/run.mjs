// Runs a TypeScript entry of bench/graph on Node 20 by bundling it with esbuild first:
//   node bench/graph/run.mjs <entry>     (entry: graph-bench | dev-stub)
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const entry = process.argv[2] ?? 'graph-bench';
// Inside bench/node_modules so the bundle resolves the bench package's dependencies.
const cache = fileURLToPath(new URL('../node_modules/.wharf-graph/', import.meta.url));
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(cache);
const outfile = join(dir, `${entry}.mjs`);
await build({
  entryPoints: [fileURLToPath(new URL(`./${entry}.ts`, import.meta.url))],
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  outfile,
  logLevel: 'warning',
});
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
await import(pathToFileURL(outfile).href);
