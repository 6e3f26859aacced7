// What one capabilities answer costs for a big project, on the production topology.
//   node bench/capabilities/run.mjs [stages=600] [rounds=5]
import { bundleAndRun } from '../lib/bundle-and-run.mjs';

await bundleAndRun(new URL('./bench.ts', import.meta.url));
