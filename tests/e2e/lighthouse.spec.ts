/**
 * Lighthouse (npm `lighthouse` 12.2.3, Debian Chromium through chrome-launcher) on the seed
 * article, the home page and a topic page of the fixture site, and the home page of the real
 * site (smoke), as served by `astro preview` (Playwright's webServers). Prints the scores and
 * LCP / CLS / TBT (and FCP / Speed Index) of every page, and keeps each report in
 * test-results/lighthouse/.
 *
 * The gate measures the site, not the machine (docs/adr/0008-load-independent-quality-gates.md):
 * - accessibility, best practices and SEO must each score 100: their audits read the DOM,
 *   headers and markup, which a busy CPU does not change;
 * - performance is asserted through what the score is made of and a loaded machine cannot
 *   change: the bytes and requests of the page load (Lighthouse's network records), no
 *   script, the DOM size, cumulative layout shift 0, and — read from Chromium itself in a
 *   Playwright page — no render-blocking resource but the site's one stylesheet, and a
 *   largest-contentful-paint element that is text or an eager, high-priority image. The
 *   performance score itself (its TBT and LCP depend on how busy the CPU is: 74 at load
 *   average 17 on 2 cores, 100 when quiet) is printed, not gated.
 * `scripts/lighthouse-under-load.sh` runs this suite quietly and beside two CPU burners.
 *
 * Profile: Lighthouse's default, i.e. a mobile device (Moto G Power screen emulation) on a
 * simulated slow 4G network and a 4× slower CPU ("simulated" throttling). No network is
 * needed: the pages, robots.txt and every asset come from the local preview servers.
 *
 * Runs as its own Playwright project ("lighthouse", see playwright.config.ts) after the
 * other browser tests, one page at a time in one Chromium.
 *
 * Audits that error (not failing, erroring): Lighthouse 12.2.3's trace engine cannot read the
 * `PipelineReporter` trace events of Debian's current Chromium (156): its ScreenshotsHandler
 * throws "Cannot read properties of undefined (reading 'frame_sequence')". That breaks the
 * audits built on the trace's screenshots/root causes — render-blocking-resources,
 * prioritize-lcp-image, largest-contentful-paint-element, lcp-lazy-loaded, layout-shifts,
 * non-composited-animations — all diagnostics with weight 0 in the performance score. The
 * render-blocking and LCP-element checks are therefore made in the browser instead
 * (`renderBlockingStatus` of resource timing entries, the `largest-contentful-paint` entry).
 * The test fails if any audit that counts towards a gated category score errors.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { FIXTURE_SITE_DIST, SEED_URL } from './seed.ts';

const CHROMIUM = process.env['PLAYWRIGHT_CHROMIUM_EXECUTABLE'] || '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const REPORT_DIR = path.resolve(import.meta.dirname, '../../test-results/lighthouse');

/** The fixture site's server (playwright.config.ts) and the real site's (smoke). */
const FIXTURE_ORIGIN = 'http://127.0.0.1:4321';
const REAL_ORIGIN = 'http://127.0.0.1:4322';
const PAGES = [
  { name: 'seed article', url: `${FIXTURE_ORIGIN}${SEED_URL}` },
  { name: 'home', url: `${FIXTURE_ORIGIN}/` },
  { name: 'article with a lead picture', url: `${FIXTURE_ORIGIN}/articles/fifa-world-cup-2018-day-five-sweden-belgium-england-win-three-points/` },
  { name: 'topic page with a picture card', url: `${FIXTURE_ORIGIN}/topics/sports/` },
  { name: 'topic page', url: `${FIXTURE_ORIGIN}/topics/shinzo-abe/` },
  { name: 'section front', url: `${FIXTURE_ORIGIN}/asia/` },
  // The one page with JavaScript (ADR 13): its own bundled module plus Pagefind's two search
  // bundles (API, worker, WebAssembly, index chunks), all same-origin, within their own budget,
  // and each further index shard (ADR 16: entry, meta, index chunk, year filter, best result).
  { name: 'search page', url: `${FIXTURE_ORIGIN}/search/?q=Putin`, scripts: /^\/(_astro|pagefind)\//, maxBytes: (250 + 40 * extraShards()) * 1024, maxRequests: 21 + 5 * extraShards() },
  { name: 'real site home (smoke)', url: `${REAL_ORIGIN}/` },
];
/** Index shards of the fixture site beyond one per search bundle (its index is cut small on purpose: package.json test:site). */
function extraShards(): number {
  const plan = JSON.parse(fs.readFileSync(path.join(FIXTURE_SITE_DIST, 'pagefind', 'shards.json'), 'utf8')) as { bundles: { shards: unknown[] }[] };
  return plan.bundles.reduce((n, b) => n + b.shards.length - 1, 0);
}
/** Categories gated at 100; performance is gated through LOAD_INDEPENDENT below. */
const GATED = ['accessibility', 'best-practices', 'seo'] as const;
/** Budgets of a page load (bytes as transferred, gzip; Lighthouse's network records). */
const MAX_TRANSFER_BYTES = 60 * 1024;
const MAX_REQUESTS = 8;
const MAX_DOM_ELEMENTS = 1400;

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

/**
 * Render-blocking resources and the LCP element, read from Chromium in a Playwright page:
 * resource timing's `renderBlockingStatus` and the buffered `largest-contentful-paint` entry.
 * Returns one line per problem: more than one blocking resource, a blocking resource that is
 * not a same-origin stylesheet, or an LCP image that is lazy or not `fetchpriority="high"`.
 */
async function browserLoadChecks(page: Page, url: string): Promise<string[]> {
  await page.goto(url, { waitUntil: 'load' });
  const seen = await page.evaluate(
    () =>
      new Promise<{ blocking: { name: string; initiatorType: string }[]; lcp: { tag: string; loading: string | null; fetchpriority: string | null } | null }>((resolve) => {
        const blocking = (performance.getEntriesByType('resource') as (PerformanceResourceTiming & { renderBlockingStatus?: string })[])
          .filter((e) => e.renderBlockingStatus === 'blocking')
          .map((e) => ({ name: e.name, initiatorType: e.initiatorType }));
        new PerformanceObserver((list) => {
          const entries = list.getEntries() as (PerformanceEntry & { element?: Element | null })[];
          const el = entries.at(-1)?.element ?? null;
          resolve({ blocking, lcp: el ? { tag: el.tagName.toLowerCase(), loading: el.getAttribute('loading'), fetchpriority: el.getAttribute('fetchpriority') } : null });
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        setTimeout(() => resolve({ blocking, lcp: null }), 3000);
      }),
  );
  const problems: string[] = [];
  const origin = new URL(url).origin;
  if (seen.blocking.length > 1) problems.push(`performance: ${seen.blocking.length} render-blocking resources: ${seen.blocking.map((b) => b.name).join(', ')}`);
  for (const b of seen.blocking) {
    if (new URL(b.name).origin !== origin || b.initiatorType !== 'link') problems.push(`performance: render-blocking ${b.initiatorType} ${b.name} (only the site's own stylesheet may block)`);
  }
  if (!seen.lcp) problems.push('performance: Chromium reported no largest-contentful-paint element');
  else if (seen.lcp.tag === 'img' && (seen.lcp.loading === 'lazy' || seen.lcp.fetchpriority !== 'high')) {
    problems.push(`performance: the LCP element is an image with loading=${seen.lcp.loading} fetchpriority=${seen.lcp.fetchpriority}: it must be eager and fetchpriority="high"`);
  }
  console.log(`  browser: ${seen.blocking.length} render-blocking (${seen.blocking.map((b) => new URL(b.name).pathname).join(', ') || 'none'}), LCP element <${seen.lcp?.tag ?? 'none'}>`);
  return problems;
}

const seconds = (ms: number | undefined) => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(2)} s`);

for (const { name, url, ...budget } of PAGES as { name: string; url: string; scripts?: RegExp; maxBytes?: number; maxRequests?: number }[]) {
  test(`lighthouse: ${name} (${url}): accessibility, best practices and SEO 100; performance inputs within budget (mobile)`, async ({ page }) => {
    test.setTimeout(180_000);
    const target = url;
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
    for (const category of GATED) {
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
    // Performance, through its load-independent inputs.
    const requests = ((audit('network-requests')?.details as { items?: { resourceType?: string; transferSize?: number; url: string }[] } | undefined)?.items ?? []);
    const transfer = audit('total-byte-weight')?.numericValue ?? Number.NaN;
    const maxBytes = budget.maxBytes ?? MAX_TRANSFER_BYTES;
    const maxRequests = budget.maxRequests ?? MAX_REQUESTS;
    if (!(transfer <= maxBytes)) problems.push(`performance: ${transfer} bytes transferred, budget ${maxBytes}`);
    if (requests.length === 0 || requests.length > maxRequests) problems.push(`performance: ${requests.length} requests, budget 1–${maxRequests}`);
    const scripts = requests.filter((r) => r.resourceType === 'Script').map((r) => r.url).filter((u) => !(budget.scripts && new URL(u).origin === new URL(target).origin && budget.scripts.test(new URL(u).pathname)));
    if (scripts.length) problems.push(`performance: the page loads scripts: ${scripts.join(', ')}`);
    const domSize = audit('dom-size')?.numericValue ?? Number.NaN;
    if (!(domSize <= MAX_DOM_ELEMENTS)) problems.push(`performance: ${domSize} DOM elements, budget ${MAX_DOM_ELEMENTS}`);
    const cls = audit('cumulative-layout-shift')?.numericValue ?? Number.NaN;
    if (cls !== 0) problems.push(`performance: cumulative layout shift ${cls}, must be 0`);
    problems.push(...(await browserLoadChecks(page, target)));
    console.log(`  gated inputs: ${transfer} bytes, ${requests.length} requests, ${domSize} DOM elements, CLS ${cls}; performance score ${Math.round((lhr.categories['performance']?.score ?? 0) * 100)} (not gated), benchmark index ${lhr.environment.benchmarkIndex}`);
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
