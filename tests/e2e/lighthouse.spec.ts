/**
 * Lighthouse (npm `lighthouse` 12.2.3, Debian Chromium through chrome-launcher) on the seed
 * article, the home page and a topic page, as served by `astro preview` (Playwright's
 * webServer): performance, accessibility, best practices and SEO must each score 100
 * (score 1). Prints the scores and LCP / CLS / TBT (and FCP / Speed Index) of every page,
 * and keeps each report in test-results/lighthouse/.
 *
 * Profile: Lighthouse's default, i.e. a mobile device (Moto G Power screen emulation) on a
 * simulated slow 4G network and a 4× slower CPU ("simulated" throttling: the metrics are
 * computed by Lighthouse's Lantern model from the page load it observed, so they are stable
 * on a busy machine). No network is needed: the pages, robots.txt and every asset come from
 * the local preview server, and the site loads nothing from anywhere else.
 *
 * Runs as its own Playwright project ("lighthouse", see playwright.config.ts) after the
 * other browser tests, one page at a time in one Chromium, so that no other test competes
 * for the two cores while Lighthouse measures.
 *
 * Audits that error (not failing, erroring): Lighthouse 12.2.3's trace engine cannot read the
 * `PipelineReporter` trace events of Debian's current Chromium (156): its ScreenshotsHandler
 * throws "Cannot read properties of undefined (reading 'frame_sequence')". That breaks the
 * audits built on the trace's screenshots/root causes — render-blocking-resources,
 * prioritize-lcp-image, largest-contentful-paint-element, lcp-lazy-loaded, layout-shifts,
 * non-composited-animations — all diagnostics with weight 0 in the performance score: the
 * metrics (FCP, LCP, TBT, CLS, SI) and the scores are computed without them. No audit is
 * disabled. The test fails if any audit that counts towards a category score errors, and
 * lists every errored audit. (A newer Lighthouse may read these traces — not verified here —
 * but 13.x needs Node 22 for `npm ci` under the system Node 20 that CI installs with, and
 * later 12.x lock files are refused there.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { SEED_URL } from './seed.ts';

const CHROMIUM = process.env['PLAYWRIGHT_CHROMIUM_EXECUTABLE'] || '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const REPORT_DIR = path.resolve(import.meta.dirname, '../../test-results/lighthouse');

const PAGES = [
  { name: 'seed article', url: SEED_URL },
  { name: 'home', url: '/' },
  { name: 'topic page', url: '/topics/shinzo-abe/' },
];

/** Audits known to error with Lighthouse 12.2.3 on this Chromium (see above): weight 0, listed in the output. */
const KNOWN_TRACE_ENGINE_ERRORS = new Set([
  'render-blocking-resources',
  'prioritize-lcp-image',
  'largest-contentful-paint-element',
  'lcp-lazy-loaded',
  'layout-shifts',
  'non-composited-animations',
]);

let chrome: LaunchedChrome | undefined;

test.beforeAll(async () => {
  test.setTimeout(60_000);
  chrome = await launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  fs.mkdirSync(REPORT_DIR, { recursive: true });
});

test.afterAll(async () => {
  chrome?.kill();
  chrome = undefined;
});

const seconds = (ms: number | undefined) => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(2)} s`);

for (const { name, url } of PAGES) {
  test(`lighthouse: ${name} (${url}) scores 100 in performance, accessibility, best practices and SEO (mobile)`, async ({ baseURL }) => {
    test.setTimeout(180_000);
    const target = new URL(url, baseURL).href;
    const result = await lighthouse(target, {
      port: chrome!.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    });
    expect(result, `Lighthouse returned no result for ${target}`).toBeDefined();
    const lhr = result!.lhr;
    fs.writeFileSync(path.join(REPORT_DIR, `${name.replace(/\W+/g, '-')}.json`), JSON.stringify(lhr, null, 1));
    expect(lhr.runtimeError, `Lighthouse could not audit ${target}: ${lhr.runtimeError?.code} ${lhr.runtimeError?.message}`).toBeUndefined();

    const audit = (id: string) => lhr.audits[id];
    const scores = CATEGORIES.map((c) => [c, lhr.categories[c]?.score ?? null] as const);
    console.log(
      `lighthouse ${url} (Lighthouse ${lhr.lighthouseVersion}, ${lhr.configSettings.formFactor}, ${lhr.configSettings.throttlingMethod} throttling): ` +
        scores.map(([c, s]) => `${c} ${s === null ? 'n/a' : Math.round(s * 100)}`).join(', ') +
        ` | LCP ${seconds(audit('largest-contentful-paint')?.numericValue)}, CLS ${audit('cumulative-layout-shift')?.numericValue?.toFixed(3) ?? 'n/a'}, ` +
        `TBT ${audit('total-blocking-time')?.numericValue?.toFixed(0) ?? 'n/a'} ms | FCP ${seconds(audit('first-contentful-paint')?.numericValue)}, ` +
        `Speed Index ${seconds(audit('speed-index')?.numericValue)}`,
    );

    const problems: string[] = [];
    const errored: { id: string; message: string }[] = [];
    for (const category of CATEGORIES) {
      const cat = lhr.categories[category];
      if (!cat) {
        problems.push(`${category}: category missing from the report`);
        continue;
      }
      for (const ref of cat.auditRefs) {
        const a = lhr.audits[ref.id]!;
        if (a.scoreDisplayMode === 'error') {
          if (ref.weight > 0) problems.push(`${category}/${ref.id} (weight ${ref.weight}) errored: ${a.errorMessage ?? 'no message'} — it counts towards the score, so the score cannot be trusted`);
          else errored.push({ id: ref.id, message: a.errorMessage ?? 'no message' });
        } else if (ref.weight > 0 && a.score !== null && a.score < 1) {
          const items = (a.details as { items?: unknown[] } | undefined)?.items ?? [];
          problems.push(
            `${category}/${ref.id} scored ${a.score} (weight ${ref.weight}): ${a.title}${a.displayValue ? ` — ${a.displayValue}` : ''}${a.explanation ? ` — ${a.explanation}` : ''}` +
              (items.length ? `\n      ${items.slice(0, 5).map((i) => JSON.stringify(i).slice(0, 300)).join('\n      ')}` : ''),
          );
        }
      }
      if (cat.score !== 1) problems.push(`${category} score is ${cat.score === null ? 'n/a' : Math.round(cat.score * 100)}, not 100`);
    }
    const chains = audit('critical-request-chains');
    console.log(`  critical request chains: ${chains?.displayValue ?? 'n/a'}; ${audit('total-byte-weight')?.displayValue ?? ''}`);
    if (errored.length) {
      const known = errored.filter((e) => KNOWN_TRACE_ENGINE_ERRORS.has(e.id)).map((e) => e.id);
      const other = errored.filter((e) => !KNOWN_TRACE_ENGINE_ERRORS.has(e.id));
      if (known.length) console.log(`  errored, weight 0 (known Lighthouse 12.2.3 trace-engine incompatibility with this Chromium, see the top of this file): ${known.join(', ')}`);
      for (const e of other) console.log(`  errored, weight 0 (NOT a known case): ${e.id}: ${e.message}`);
    }
    expect(problems, `Lighthouse on ${url}:\n${problems.join('\n')}`).toEqual([]);
  });
}
