// Locates the real Kargo CRDs (test data) next to the repository: ../shared/kargo-crds.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
export const KARGO_CRDS = resolve(repoRoot, '../shared/kargo-crds');
export const HAVE_KARGO_CRDS = existsSync(KARGO_CRDS);
if (!HAVE_KARGO_CRDS)
  console.warn(
    `Kargo CRDs not found at ../shared/kargo-crds (relative to the repo root): Kargo-specific tests are skipped`,
  );
