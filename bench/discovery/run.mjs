// Bundles bench.ts (and the workspace TypeScript it imports) with esbuild, then runs it on Node 20.
//   node bench/discovery/run.mjs [tags=1000]
import { bundleAndRun } from '../lib/bundle-and-run.mjs';

await bundleAndRun(new URL('./bench.ts', import.meta.url));
