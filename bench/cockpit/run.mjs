// The cockpit benchmark, one command (from the repository root, after `npm run build`):
//   node bench/cockpit/run.mjs [--projects 100] [--stages 60] [--freight 200] [--queries 200] [--opens 5]
// See bench/cockpit/main.ts for what it measures; results go into docs/benchmarks.md.
import { runTs } from '../run-ts.mjs';

await runTs('cockpit/main');
