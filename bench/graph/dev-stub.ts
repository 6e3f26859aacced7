// Serves the built web app on a stub with bench projects, for looking at the UI by hand:
//   node bench/graph/run.mjs dev-stub
import { resolve } from 'node:path';
import { generateProjectSnapshot } from './generate-views.js';
import { startStubServer } from './stub-server.js';

// Run from the repository root (the bundle lives elsewhere, so import.meta.url can't locate it).
const dist = resolve('apps/web/dist');
const stub = await startStubServer(dist, [
  generateProjectSnapshot({ project: 'small', stages: 15, freight: 60 }),
  generateProjectSnapshot({ project: 'large', stages: 600, freight: 3000 }),
]);
console.log(`stub serving ${stub.url}`);
