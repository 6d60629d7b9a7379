/**
 * Smoke suite over the real site: `dist/` as `npm run build` made it from the editorial
 * content in src/content (served by Playwright's second webServer, project "smoke"). Pages of
 * every kind load with their status and have zero axe (WCAG 2.2 A/AA) violations at phone
 * width in the light and dark schemes: every page that is not an article or a listing page
 * (home, indexes, section fronts, corrections, 404…), the first two listing pages of each kind
 * (topic, author, home page n, archive year/month), and the six
 * newest and two oldest articles — a sample whose size does not grow with the archive. Nothing
 * here names an article: editors change that content. The byte budgets, links and HTML
 * validity of every page of the same dist/ are the Vitest project "smoke".
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

/** A sample of every kind of page, bounded in size (see the top of the file). */
function sample(all: string[]): string[] {
  const articles = all.filter((u) => /^\/articles\/[^/]+\/$/.test(u));
  const newest = articles
    .map((u) => ({ u, t: Date.parse(/<meta property="article:published_time" content="([^"]+)"/.exec(fs.readFileSync(path.join(REAL_DIST, u, 'index.html'), 'utf8'))?.[1] ?? '') || 0 }))
    .sort((a, b) => b.t - a.t)
    .map((a) => a.u);
  const listings = (prefix: string) => all.filter((u) => u.startsWith(prefix) && u !== prefix).slice(0, 2);
  const other = all.filter((u) => !u.startsWith('/articles/') && !/^\/(topics|authors|archive)\/[^/]+\//.test(u) && !/^\/page\//.test(u));
  return [...new Set([...other, ...listings('/topics/'), ...listings('/authors/'), ...listings('/page/'), ...listings('/archive/'), ...newest.slice(0, 6), ...newest.slice(-2)])].sort();
}

const pages = sample(realPages());

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
