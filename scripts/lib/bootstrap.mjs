// Installs dependencies with the pinned pnpm when the lockfile or a manifest changed.
import { existsSync, readdirSync } from 'node:fs';
import { PNPM, must } from './run.mjs';
import { hashPaths, readStamp, writeStamp } from './stamp.mjs';

const STAMP = 'node_modules/.wharf/install-stamp';

function manifests() {
  const nested = ['apps', 'packages'].flatMap((dir) =>
    existsSync(dir) ? readdirSync(dir).map((name) => `${dir}/${name}/package.json`) : [],
  );
  return [
    'package.json',
    'pnpm-lock.yaml',
    'pnpm-workspace.yaml',
    'e2e/package.json',
    'bench/package.json',
    ...nested,
  ];
}

export async function ensureInstalled() {
  const want = hashPaths(manifests());
  if (readStamp(STAMP) === want) return false;
  console.log('[wharf] installing dependencies with pnpm…');
  // Use the lockfile as is when it matches the manifests; resolve only what changed otherwise
  // (pnpm would refuse outright under CI=true, where frozen-lockfile is its default).
  await must('npx', [...PNPM, 'install', '--prefer-frozen-lockfile']);
  writeStamp(STAMP, want);
  return true;
}
