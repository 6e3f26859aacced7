import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '@wharf/test-support/chromium';
import { ADMIN_STATE } from './support/sign-in.js';

export default defineConfig({
  testDir: './tests',
  outputDir: '../test-results',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  globalSetup: './support/global-setup.ts',
  use: {
    baseURL: process.env.WHARF_E2E_URL,
    // Global setup signs in as admin; specs about signing in start from an empty state.
    storageState: ADMIN_STATE,
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions(),
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
