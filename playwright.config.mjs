// End-to-end tests: Playwright drives Debian's Chromium against local servers only.
import { defineConfig } from '@playwright/test';
import { chromiumArgs, executablePath } from './test/support/chromium.mjs';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  workers: 2,
  fullyParallel: true,
  retries: 0,
  timeout: 20000,
  expect: { timeout: 5000 },
  reporter: [['list'], ['json', { outputFile: '.test-results/e2e.json' }]],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath, args: chromiumArgs },
    trace: 'off',
  },
});
