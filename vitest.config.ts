import { defineConfig } from 'vitest/config';

/**
 * One `vitest run` for every non-browser suite:
 * - tests/unit/    domain logic (dates, permalinks, ordering, feed items); needs no build
 * - tests/content/ bad-content fixtures: the build must fail loudly
 * - tests/newsroom/ embargo, schedule, expiry and corrections, on fixture builds in temp folders
 * - tests/build/   checks over the built dist/ (run `npm run build` first; `npm test` does)
 * The browser tests (tests/e2e/) run under Playwright: see playwright.config.ts.
 */
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/content/**/*.test.ts', 'tests/build/**/*.test.ts', 'tests/newsroom/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'tests/e2e/**', 'tests/fixtures/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The JSON report feeds the pass/fail totals that .ci/run prints (scripts/test-summary.ts).
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
