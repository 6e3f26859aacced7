import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../processes.js';

/** The repository's root directory. */
export const REPO_ROOT = resolve(fileURLToPath(new URL('../../../../', import.meta.url)));
/** Kargo's real CRDs: test data beside the repository, never copied into it. */
export const KARGO_CRDS = resolve(REPO_ROOT, '../shared/kargo-crds');
export const HAVE_KARGO_CRDS = existsSync(KARGO_CRDS);
export const NO_KARGO_CRDS = `skipped: Kargo CRDs not found at ../shared/kargo-crds (beside the repository)`;

/** Builds the servers and the web app unless the build stamp says they are current (as `npm start`). */
export async function ensureBuilt(): Promise<void> {
  await run(
    process.execPath,
    ['--input-type=module', '-e', "await (await import('./scripts/lib/build.mjs')).ensureBuilt()"],
    { cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 },
  );
}
