/** Responsive layout: on a phone nothing scrolls sideways (the masthead's section row scrolls inside itself). */
import { expect, test } from '@playwright/test';
import { JAPANESE_URL, SEED_URL } from './seed.ts';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });

for (const width of [360, 390]) for (const url of ['/', SEED_URL, JAPANESE_URL, '/topics/', '/asia/', '/search/?q=Putin', '/feeds/', '/archive/2016/']) {
  test(`${url} has no horizontal scroll at ${width}px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 844 });
    await page.goto(url);
    if (url.startsWith('/search/')) await expect(page.locator('#search-status')).toHaveText(/match/);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.scrollingElement!.scrollWidth,
      clientWidth: document.scrollingElement!.clientWidth,
    }));
    expect(scrollWidth, `scrollWidth ${scrollWidth} > clientWidth ${clientWidth}`).toBeLessThanOrEqual(clientWidth);
  });
}

test('every section is reachable from the masthead on a 360 px phone without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Sections' });
  const links = nav.getByRole('link');
  await expect(links).toHaveText(['World', 'Asia', 'Hong Kong', 'Business', 'Science', 'Sport', 'Culture', 'Topics', 'Feeds']);
  const last = links.filter({ hasText: 'Culture' });
  await last.scrollIntoViewIfNeeded();
  await expect(last).toBeInViewport();
  await last.click();
  await expect(page).toHaveURL('/culture/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Culture');
  await context.close();
});

// A real 58-letter place name and a long URL: they break inside the column instead of widening
// the page (on the home page, one long headline used to widen every card of the list).
const LONG_WORD = 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch';
const LONG_URL = 'https://example.org/a/very/long/path/that/keeps/going/and/going/without/any/place/to/break/it/at/all/index.html';
for (const url of ['/', SEED_URL]) {
  test(`${url}: a headline with a 58-letter word and a paragraph with a 110-character URL do not scroll sideways at 390px`, async ({ page }) => {
    await page.goto(url);
    await page.evaluate(
      ([word, link]) => {
        for (const h of Array.from(document.querySelectorAll('h1, h2, h3')).slice(0, 3)) h.textContent = `${word} ${h.textContent}`;
        const p = document.querySelector('main p');
        if (p) p.textContent = `${link} ${p.textContent}`;
      },
      [LONG_WORD, LONG_URL],
    );
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, clientWidth: document.scrollingElement!.clientWidth }));
    expect(scrollWidth, `scrollWidth ${scrollWidth} > clientWidth ${clientWidth}`).toBeLessThanOrEqual(clientWidth);
  });
}
