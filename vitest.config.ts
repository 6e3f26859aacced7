import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources through the `source` export condition.
export default defineConfig({
  resolve: {
    conditions: ['source'],
    // The web app's own `@/` imports (as in apps/web/vite.config.ts).
    alias: { '@': fileURLToPath(new URL('./apps/web/src', import.meta.url)) },
  },
  ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
  test: {
    include: [
      'packages/*/{src,test}/**/*.test.ts',
      'apps/bff/{src,test}/**/*.test.ts',
      'apps/web/src/**/*.test.{ts,tsx}',
      'tools/**/*.test.ts',
      'deploy/**/*.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Like Playwright's config: one retry in CI for timing flakes under load; local runs never retry.
    retry: process.env.CI ? 1 : 0,
  },
});
