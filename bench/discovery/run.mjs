// Bundles bench.ts (and the workspace TypeScript it imports) with esbuild, then runs it on Node 20.
//   node bench/discovery/run.mjs [tags=1000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const dir = mkdtempSync(join(tmpdir(), 'wharf-discovery-bench-'));
const outfile = join(dir, 'bench.mjs');
await build({
  entryPoints: [fileURLToPath(new URL('./bench.ts', import.meta.url))],
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
