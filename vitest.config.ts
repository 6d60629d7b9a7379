import { defineConfig } from 'vitest/config';

/**
 * One `vitest run` for every non-browser suite:
 * - tests/unit/    domain logic (dates, permalinks, ordering, feed items); needs no build
 * - tests/content/ bad-content fixtures: the build must fail loudly
 * - tests/newsroom/ embargo, schedule, expiry and corrections, on fixture builds in temp folders
 * - tests/build/   checks over the built fixture site, test-results/site-dist/ (`npm run test:site`
 *                  builds it; `npm test` does), and — project "smoke" — the gates over the real dist/
 * - tests/property/ fast-check properties of the content pipeline (in-process, and a few fixture builds)
 * The browser tests (tests/e2e/) run under Playwright: see playwright.config.ts.
 */
/**
 * Test files that run `astro build` in this project. Two Astro builds in one project folder
 * share `.astro/.prerender/` and break each other (seen: ERR_MODULE_NOT_FOUND for a prerender
 * chunk), so these files run one at a time in their own project; everything else runs in parallel.
 */
const BUILDING = ['tests/newsroom/atomic-build.test.ts', 'tests/newsroom/verified-restore.test.ts', 'tests/content/build-fails.test.ts', 'tests/content/bad-environment.test.ts', 'tests/newsroom/embargo-and-corrections.test.ts', 'tests/newsroom/incremental-build.test.ts', 'tests/property/content-invariant-build.test.ts', 'tests/newsroom/pipeline-outputs.test.ts', 'tests/newsroom/search-shards.test.ts'];
/** The gates that also run over the real content (project "smoke"): HTML validity, links, byte budgets. */
const SMOKE = ['tests/build/html-validity.test.ts', 'tests/build/links.test.ts', 'tests/build/budgets.test.ts'];
const ALL = ['tests/unit/**/*.test.ts', 'tests/content/**/*.test.ts', 'tests/build/**/*.test.ts', 'tests/newsroom/**/*.test.ts', 'tests/deploy/**/*.test.ts', 'tests/property/**/*.test.ts'];

export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'parallel', include: ALL, exclude: [...BUILDING, '**/node_modules/**', 'tests/e2e/**', 'tests/fixtures/**'] } },
      { extends: true, test: { name: 'builds', include: BUILDING, fileParallelism: false } },
      // The quality gates over the real site: dist/ built by `npm run build` from src/content.
      { extends: true, test: { name: 'smoke', include: SMOKE, env: { DATELINE_TEST_DIST: 'dist', DATELINE_TEST_CONTENT: 'src/content' } } },
    ],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The JSON report feeds the totals that `npm test` prints (scripts/run-tests.ts).
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
