import { defineConfig } from '@playwright/test';
import { ADMIN_STATE } from './support/sign-in.js';

// Debian's Chromium: Playwright's own browser download can't work on these machines.
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

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
    launchOptions: {
      executablePath: process.env.WHARF_CHROMIUM ?? '/usr/bin/chromium',
      args: CHROMIUM_FLAGS,
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
