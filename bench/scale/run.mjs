// The scale benchmark, one command (from the repository root, after `npm run build`):
//   node bench/scale/run.mjs [--sizes 300,600,1500,3000] [--runs 3] [--clients 1000] [--no-fanout]
// See bench/scale/main.ts for what it measures; results go into docs/benchmarks.md.
import { runTs } from '../run-ts.mjs';

await runTs('scale/main');
