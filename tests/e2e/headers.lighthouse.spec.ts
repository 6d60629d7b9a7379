/**
 * Lighthouse best practices with the headers on: the same Lighthouse and Chromium as
 * lighthouse.spec.ts, but the pages come from Debian's nginx with the shipped config
 * (tests/deploy/nginx-server.ts), so every response carries the CSP header, HSTS, nosniff,
 * Referrer-Policy, Permissions-Policy and COOP. The category must score 100 on the seed
 * article and the home page. Prints Lighthouse's (unscored) CSP findings (`csp-xss`).
 *
 * Runs in the "lighthouse" Playwright project (file name ends in `lighthouse.spec.ts`), after
 * the other browser tests, alone.
 */
import { expect, test } from '@playwright/test';
import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startNginx, type NginxServer } from '../deploy/nginx-server.ts';
import { SEED_URL } from './seed.ts';

const CHROMIUM = process.env['PLAYWRIGHT_CHROMIUM_EXECUTABLE'] || '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

test.describe.configure({ mode: 'serial' });

let chrome: LaunchedChrome | undefined;
let server: NginxServer | undefined;

test.beforeAll(async () => {
  test.setTimeout(60_000);
  server = await startNginx();
  chrome = await launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
});

test.afterAll(async () => {
  chrome?.kill();
  await server?.stop();
});

for (const url of [SEED_URL, '/']) {
  test(`lighthouse best practices behind nginx with the security headers: ${url} scores 100`, async () => {
    test.setTimeout(120_000);
    const target = `${server!.origin}${url}`;
    const result = await lighthouse(target, { port: chrome!.port, output: 'json', logLevel: 'error', onlyCategories: ['best-practices'] });
    const lhr = result!.lhr;
    expect(lhr.runtimeError, `${lhr.runtimeError?.code} ${lhr.runtimeError?.message}`).toBeUndefined();
    // Lighthouse's page load really came from nginx.
    expect(lhr.finalDisplayedUrl).toBe(target);
    expect(server!.accessLog()).toContain(`"GET ${url} HTTP/1.1" 200 `);
    const category = lhr.categories['best-practices']!;
    const failing = category.auditRefs
      .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => `${ref.id}: ${lhr.audits[ref.id]?.title} ${JSON.stringify((lhr.audits[ref.id]?.details as { items?: unknown[] })?.items?.slice(0, 3) ?? [])}`);
    const csp = (lhr.audits['csp-xss']?.details as { items?: { description?: string; directive?: string; severity?: string }[] } | undefined)?.items ?? [];
    console.log(
      `lighthouse best-practices ${url} behind nginx: ${Math.round((category.score ?? 0) * 100)}` +
        (csp.length ? ` | csp-xss (unscored): ${csp.map((i) => `${i.severity ?? ''} ${i.directive ?? ''}: ${String(i.description ?? '').slice(0, 100)}`).join('; ')}` : ''),
    );
    expect(failing, failing.join('\n')).toEqual([]);
    expect(category.score).toBe(1);
  });
}
