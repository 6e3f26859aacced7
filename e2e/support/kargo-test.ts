import { test as base } from '@playwright/test';
import { createFixtureProject, type FixtureProject } from './fixture-project.js';
import { ensureKargoCrds } from './kube.js';

/** A test with its own Kargo project made with kubectl; skipped (saying why) without Kargo's CRDs. */
export const test = base.extend<{ fixture: FixtureProject }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures destructure what they use
  fixture: async ({}, use, info) => {
    const crds = await ensureKargoCrds();
    info.skip(
      !crds,
      "Kargo's CRDs are neither served by the cluster nor found in ../shared/kargo-crds",
    );
    await use(
      await createFixtureProject(
        info.titlePath[0]?.replace(/\W+/g, '').slice(0, 10).toLowerCase() || 'e2e',
      ),
    );
  },
});

export { expect } from '@playwright/test';
