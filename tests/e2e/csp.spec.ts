/**
 * The Content Security Policy in Chromium, with the headers on: Debian's nginx serves the
 * build with the shipped config (tests/deploy/nginx-server.ts), not `astro preview`.
 *
 * - No real page (every kind and the 404 page) reports a CSP violation or any console error
 *   or warning, and its JSON-LD is readable; the feeds open without a violation.
 * - A page with an injected inline script is blocked: by the meta and header policies when
 *   the script comes after the meta tag, by the header alone when it comes before it; the same
 *   page with both policies removed runs the script (so the check can fail).
 * - The site cannot be framed (frame-ancestors, header only).
 */
import { expect, test, type Page } from '@playwright/test';
import { startNginx, type NginxServer } from '../deploy/nginx-server.ts';
import { SEED_URL } from './seed.ts';

test.describe.configure({ mode: 'serial' });

let server: NginxServer;
test.beforeAll(async () => {
  server = await startNginx();
});
test.afterAll(async () => {
  await server?.stop();
});

interface Violation {
  directive: string;
  blocked: string;
  disposition: string;
  policy: string;
}

/** Records `securitypolicyviolation` events and console errors/warnings of a page. */
async function watch(page: Page): Promise<{ console: string[]; violations: () => Promise<Violation[]> }> {
  const messages: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') messages.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: unknown[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI, disposition: e.disposition, policy: e.originalPolicy }),
    );
  });
  return {
    console: messages,
    violations: () => page.evaluate(() => (window as unknown as { __violations?: Violation[] }).__violations ?? []),
  };
}

const PAGES = [
  { name: 'home', path: '/' },
  { name: 'article', path: SEED_URL },
  { name: 'topic', path: '/topics/shinzo-abe/' },
  { name: 'author', path: '/authors/wikinews-contributors/' },
  { name: 'corrections', path: '/corrections/' },
  { name: 'topics index', path: '/topics/' },
  { name: 'home page 2', path: '/page/2/' },
  { name: '404', path: '/no-such-page/' },
];

for (const { name, path } of PAGES) {
  test(`${name} (${path}) under the CSP header: no violation, no console error, JSON-LD readable`, async ({ page }) => {
    const watched = await watch(page);
    const res = await page.goto(`${server.origin}${path}`);
    expect(res!.status()).toBe(name === '404' ? 404 : 200);
    expect(res!.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.waitForLoadState('load');
    // The stylesheet applied (a blocked one would leave the masthead unstyled).
    expect(await page.locator('.masthead').evaluate((el) => getComputedStyle(el).display)).not.toBe('inline');
    const jsonLd = await page.evaluate(() => [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent ?? '')));
    if (name !== '404' && name !== 'corrections' && name !== 'topics index' && name !== 'home page 2') expect(jsonLd.length).toBeGreaterThan(0);
    for (const doc of jsonLd) expect(doc['@context']).toBe('https://schema.org');
    expect(await watched.violations()).toEqual([]);
    // The 404 page's own status is logged as a failed load; nothing else may be.
    const expected = name === '404' ? ['error: Failed to load resource: the server responded with a status of 404 (Not Found)'] : [];
    expect(watched.console).toEqual(expected);
  });
}

// Served with their registered types (application/rss+xml, application/atom+xml), Chromium
// shows feeds as text and does not apply the XSL stylesheet (it does for application/xml):
// docs/adr/0010-serving-policy.md. Either way the feed loads without a CSP violation.
for (const feed of ['/rss.xml', '/atom.xml', '/topics/shinzo-abe/rss.xml']) {
  test(`${feed} opens in the browser under the CSP header without a violation`, async ({ page }) => {
    const messages: string[] = [];
    page.on('console', (m) => messages.push(m.text()));
    const res = await page.goto(`${server.origin}${feed}`);
    expect(res!.headers()['content-security-policy']).toContain("style-src 'self'");
    expect(res!.headers()['content-type']).toMatch(/^application\/(rss|atom)\+xml; charset=utf-8$/);
    expect(await page.locator('body').innerText()).toContain(feed.endsWith('atom.xml') ? '<feed xmlns="http://www.w3.org/2005/Atom"' : '<rss version="2.0"');
    expect(messages.filter((m) => /Content Security Policy|Refused/i.test(m))).toEqual([]);
  });
}

/** Serve `path` from nginx with `edit` applied to its HTML (headers kept unless `dropCsp`). */
async function injected(page: Page, path: string, edit: (html: string) => string, dropCsp = false): Promise<void> {
  await page.route(`${server.origin}${path}`, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    if (dropCsp) delete headers['content-security-policy'];
    await route.fulfill({ response, headers, body: edit(await response.text()) });
  });
}

const SCRIPT = '<script>window.__injected = "ran"</script>';

test('an inline script injected into the body is blocked by the meta and header policies, the header one reporting', async ({ page }) => {
  const watched = await watch(page);
  await injected(page, SEED_URL, (html) => html.replace('</main>', `${SCRIPT}</main>`));
  await page.goto(`${server.origin}${SEED_URL}`);
  expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
  const violations = await watched.violations();
  expect(violations.length).toBe(2);
  for (const v of violations) expect(v).toMatchObject({ directive: 'script-src-elem', blocked: 'inline', disposition: 'enforce' });
  // One of them is the header policy, which reports: Chromium queues the report for the
  // endpoint (Reporting API delivery is batched, so this test does not wait for it).
  const fromHeader = violations.filter((v) => v.policy.includes("frame-ancestors 'none'"));
  expect(fromHeader).toHaveLength(1);
  expect(fromHeader[0]!.policy).toContain('report-uri /csp-reports; report-to csp-endpoint');
});

test('an inline script injected before the meta tag is blocked by the header policy alone', async ({ page }) => {
  const watched = await watch(page);
  await injected(page, SEED_URL, (html) => html.replace('<head>', `<head>${SCRIPT}`));
  await page.goto(`${server.origin}${SEED_URL}`);
  expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
  const violations = await watched.violations();
  expect(violations).toHaveLength(1);
  expect(violations[0]!.policy).toContain("frame-ancestors 'none'");
});

test('control: with the header and the meta tag removed, the same injected script runs', async ({ page }) => {
  await injected(page, SEED_URL, (html) => html.replace(/<meta http-equiv="content-security-policy"[^>]*>/, '').replace('</main>', `${SCRIPT}</main>`), true);
  await page.goto(`${server.origin}${SEED_URL}`);
  expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBe('ran');
});

test('the site refuses to be framed by another page (frame-ancestors)', async ({ page }) => {
  const messages: string[] = [];
  page.on('console', (m) => messages.push(m.text()));
  await page.setContent(`<iframe src="${server.origin}${SEED_URL}" title="framed"></iframe>`);
  await expect.poll(() => messages.some((m) => m.includes('frame-ancestors')), { timeout: 10_000 }).toBe(true);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  expect(await frame?.locator('.site-name').count()).toBe(0);
});

test('search (/search/?q=Kunashiri) under the CSP header: Pagefind loads, its WebAssembly runs, the seed comes first, no violation', async ({ page }) => {
  const watched = await watch(page);
  const res = await page.goto(`${server.origin}/search/?q=Kunashiri`);
  expect(res!.status()).toBe(200);
  await expect(page.locator('#search-status')).toHaveText(/match/, { timeout: 15_000 });
  await expect(page.locator('#search-results a').first()).toHaveAttribute('href', new RegExp(SEED_URL));
  expect(await watched.violations()).toEqual([]);
  expect(watched.console).toEqual([]);
});
