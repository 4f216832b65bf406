// Unit and component tests in real Chromium (@web/test-runner + Playwright launcher).
import { mkdirSync, writeFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromiumArgs, executablePath } from './test/support/chromium.mjs';

/** Writes pass/fail counts for scripts/test.mjs, which prints the grand total. */
const countingReporter = () => ({
  onTestRunFinished({ sessions }) {
    let passed = 0;
    let failed = 0;
    const walk = (suite) => {
      for (const t of suite?.tests ?? []) if (!t.skipped) t.passed ? passed++ : failed++;
      for (const s of suite?.suites ?? []) walk(s);
    };
    for (const session of sessions) {
      walk(session.testResults);
      // A file that failed to load or threw outside a test counts as one failure.
      if (!session.passed && (session.errors?.length || !session.testResults)) failed++;
    }
    mkdirSync('.test-results', { recursive: true });
    writeFileSync('.test-results/unit.json', JSON.stringify({ passed, failed }));
  },
});

export default {
  files: ['test/unit/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2021', tsconfig: 'tsconfig.json' })],
  browsers: [playwrightLauncher({ product: 'chromium', launchOptions: { executablePath, args: chromiumArgs } })],
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countingReporter()],
};
