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
  const frozen = process.env.CI ? ['--frozen-lockfile'] : [];
  console.log('[wharf] installing dependencies with pnpm…');
  await must('npx', [...PNPM, 'install', ...frozen]);
  writeStamp(STAMP, want);
  return true;
}
