import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  globalSetup: './test/e2e/support/global-setup.ts',
  projects: [
    { name: 'chromium', testMatch: 'chromium/**/*.spec.ts' },
    { name: 'firefox', testMatch: 'firefox/**/*.spec.ts' },
    // Policy files are machine-wide, one per browser: these run alone, one file at a time, after the others.
    {
      name: 'policy',
      testMatch: 'policy/**/*.spec.ts',
      dependencies: ['chromium', 'firefox'],
      fullyParallel: false,
      workers: 1,
    },
  ],
});
