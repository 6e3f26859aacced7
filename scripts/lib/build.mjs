// Builds what `npm start` and the e2e suite run: the server bundles (esbuild) and the web app (Vite).
// Skipped when no source or config changed since the last successful build.
import { PNPM, must } from './run.mjs';
import { hashPaths, readStamp, writeStamp } from './stamp.mjs';

const STAMP = 'node_modules/.wharf/build-stamp';
const INPUTS = ['apps', 'packages', 'scripts/lib', 'pnpm-lock.yaml', 'tsconfig.base.json'];

export async function ensureBuilt({ force = false } = {}) {
  const want = hashPaths(INPUTS);
  if (!force && readStamp(STAMP) === want) return false;
  console.log('[wharf] building…');
  await must('node', ['scripts/lib/transpile-servers.mjs']);
  await must('npx', [...PNPM, '--filter', '@wharf/web', 'run', 'build']);
  writeStamp(STAMP, want);
  return true;
}
