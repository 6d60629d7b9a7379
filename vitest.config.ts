import { defineConfig } from 'vitest/config';

/**
 * One `vitest run` for every non-browser suite:
 * - tests/unit/    domain logic (dates, permalinks, ordering, feed items); needs no build
 * - tests/content/ bad-content fixtures: the build must fail loudly
 * - tests/newsroom/ embargo, schedule, expiry and corrections, on fixture builds in temp folders
 * - tests/build/   checks over the built dist/ (run `npm run build` first; `npm test` does)
 * The browser tests (tests/e2e/) run under Playwright: see playwright.config.ts.
 */
/**
 * Test files that run `astro build` in this project. Two Astro builds in one project folder
 * share `.astro/.prerender/` and break each other (seen: ERR_MODULE_NOT_FOUND for a prerender
 * chunk), so these files run one at a time in their own project; everything else runs in parallel.
 */
const BUILDING = ['tests/content/build-fails.test.ts', 'tests/content/bad-environment.test.ts', 'tests/newsroom/embargo-and-corrections.test.ts', 'tests/newsroom/incremental-build.test.ts'];
const ALL = ['tests/unit/**/*.test.ts', 'tests/content/**/*.test.ts', 'tests/build/**/*.test.ts', 'tests/newsroom/**/*.test.ts', 'tests/deploy/**/*.test.ts'];

export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'parallel', include: ALL, exclude: [...BUILDING, '**/node_modules/**', 'tests/e2e/**', 'tests/fixtures/**'] } },
      { extends: true, test: { name: 'builds', include: BUILDING, fileParallelism: false } },
    ],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The JSON report feeds the pass/fail totals that .ci/run prints (scripts/test-summary.ts).
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
