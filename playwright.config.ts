import { defineConfig } from '@playwright/test';

/**
 * Browser tests (tests/e2e/) against `astro preview` serving the built dist/, in the
 * system's Chromium (Debian package chromium; Playwright never downloads a browser here).
 * Build first: `npm run build` (`npm test` does it). The web server does not rebuild.
 */
const PORT = 4321;
const baseURL = `http://127.0.0.1:${PORT}`;
const CI = !!process.env['CI'];

export default defineConfig({
  testDir: './tests/e2e',
  forbidOnly: CI,
  retries: 0,
  timeout: 30_000,
  // Two workers on the 2-core machines this project runs on: the pages are static, so the
  // server is idle most of the time and the browsers keep both cores busy.
  workers: 2,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
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
    { name: 'chromium', testIgnore: /lighthouse\.spec\.ts$/ },
    // Lighthouse measures load performance: it runs after the other browser tests, alone, one
    // page at a time, in its own Chromium (chrome-launcher), against the same webServer.
    // Alone: `playwright test --project=lighthouse --no-deps` (without --no-deps, a file or
    // project filter still runs the whole chromium project first).
    { name: 'lighthouse', testMatch: /lighthouse\.spec\.ts$/, dependencies: ['chromium'] },
  ],
  webServer: {
    // --ignore-lock: a developer's own background `astro preview` (lock in .astro/preview.json)
    // must not stop the test server from starting on its own port.
    command: `npm run preview -- --host 127.0.0.1 --port ${PORT} --ignore-lock`,
    url: `${baseURL}/`,
    reuseExistingServer: !CI,
    timeout: 60_000,
    // Astro 7 backgrounds `astro preview` when it detects a coding agent; keep it in the foreground.
    env: { ASTRO_PREVIEW_BACKGROUND: '0' },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
