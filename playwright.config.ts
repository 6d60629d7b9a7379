import { defineConfig } from '@playwright/test';

/**
 * Browser tests (tests/e2e/) in the system's Chromium (Debian package chromium; Playwright
 * never downloads a browser here), against two `astro preview` servers:
 * - port 4321: the fixture site (tests/fixtures/site) built into test-results/site-dist/
 *   (`npm run test:site`) — every spec but the smoke spec runs on it;
 * - port 4322: the real site, dist/ as `npm run build` made it — the smoke spec.
 * `npm test` builds both first. The servers do not rebuild.
 */
const PORT = 4321;
const SMOKE_PORT = 4322;
const baseURL = `http://127.0.0.1:${PORT}`;
const CI = !!process.env['CI'];

/** `astro preview` of the built folder `outDir` on 127.0.0.1:`port`. */
function previewServer(port: number, outDir: string) {
  return {
    // --ignore-lock: a developer's own background `astro preview` (lock in .astro/preview.json)
    // must not stop the test server from starting on its own port.
    command: `npm run preview -- --host 127.0.0.1 --port ${port} --ignore-lock --outDir ${outDir}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !CI,
    timeout: 60_000,
    // Astro 7 backgrounds `astro preview` when it detects a coding agent; keep it in the foreground.
    env: { ASTRO_PREVIEW_BACKGROUND: '0' },
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  };
}

export default defineConfig({
  testDir: './tests/e2e',
  forbidOnly: CI,
  retries: 0,
  timeout: 30_000,
  // Two workers on the 2-core machines this project runs on: the pages are static, so the
  // server is idle most of the time and the browsers keep both cores busy.
  workers: 2,
  // The JSON report feeds the totals of `npm test` (scripts/run-tests.ts names the file).
  reporter: [['list'], ['json', { outputFile: process.env['DATELINE_PLAYWRIGHT_REPORT'] || 'test-results/playwright.json' }]],
  outputDir: 'test-results/playwright',
  use: {
    baseURL,
    browserName: 'chromium',
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env['PLAYWRIGHT_CHROMIUM_EXECUTABLE'] || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
  },
  projects: [
    { name: 'chromium', testIgnore: /(lighthouse|smoke)\.spec\.ts$/ },
    { name: 'smoke', testMatch: /smoke\.spec\.ts$/, use: { baseURL: `http://127.0.0.1:${SMOKE_PORT}` } },
    // Lighthouse, one page at a time in its own Chromium (chrome-launcher). Its gates do not
    // depend on how busy the machine is (docs/adr/0008-load-independent-quality-gates.md), so it may run beside the others;
    // `npm test` runs it as a separate `playwright test --project=lighthouse` all the same,
    // so that a failure elsewhere never keeps it from running.
    { name: 'lighthouse', testMatch: /lighthouse\.spec\.ts$/ },
  ],
  webServer: [previewServer(PORT, 'test-results/site-dist'), previewServer(SMOKE_PORT, 'dist')],
});
