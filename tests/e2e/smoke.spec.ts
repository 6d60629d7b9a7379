/**
 * Smoke suite over the real site: `dist/` as `npm run build` made it from the editorial
 * content in src/content (served by Playwright's second webServer, project "smoke"). Every
 * HTML page loads with its status and has zero axe (WCAG 2.2 A/AA) violations at phone width
 * in the light and dark schemes. Nothing here names an article: editors change that content.
 * The byte budgets, links and HTML validity of the same dist/ are the Vitest project "smoke".
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { axeViolations, VIEWPORTS } from './axe.ts';

const REAL_DIST = path.resolve(import.meta.dirname, '../../dist');

test.describe.configure({ mode: 'parallel' });

/** Root-relative URL of every HTML page of dist/ (`a/index.html` → `/a/`), meta-refresh redirects left out. */
function realPages(): string[] {
  if (!fs.existsSync(path.join(REAL_DIST, 'index.html'))) return [];
  return (fs.readdirSync(REAL_DIST, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => d.isFile() && d.name.endsWith('.html'))
    .map((d) => path.relative(REAL_DIST, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .filter((f) => !/<meta http-equiv="refresh"/i.test(fs.readFileSync(path.join(REAL_DIST, f), 'utf8')))
    .map((f) => (f === 'index.html' ? '/' : f.endsWith('/index.html') ? `/${f.slice(0, -'index.html'.length)}` : `/${f}`))
    .sort();
}

const pages = realPages();

test('the real site was built (dist/index.html exists)', () => {
  expect(pages.length, `no pages in ${REAL_DIST}: run \`npm run build\` first (\`npm test\` does it)`).toBeGreaterThan(0);
});

// Several pages per test keeps the test count readable; each page is still reported by URL.
const PER_TEST = 8;
for (let i = 0; i < pages.length; i += PER_TEST) {
  const batch = pages.slice(i, i + PER_TEST);
  test(`real content: ${batch[0]} … (${batch.length} pages) load and pass axe, light and dark at 390 px`, async ({ page }) => {
    test.setTimeout(120_000);
    const failures: string[] = [];
    for (const url of batch) {
      const response = await page.goto(url);
      const expected = url === '/404.html' ? [200, 404] : [200];
      expect(expected, `HTTP status of ${url}`).toContain(response?.status());
      failures.push(...(await axeViolations(page, url, [VIEWPORTS[0]!])).failures);
    }
    expect(failures, `axe violations:\n${failures.join('\n')}`).toEqual([]);
  });
}
