/**
 * Pictures in a real browser (docs/adr/0014-pictures.md), on the fixture site's World Cup
 * article (lead picture 2000×1333) and the home page that leads with it: Chromium picks the
 * AVIF source, the lead picture is within its 60 KB budget at 390 px, nothing shifts when it
 * loads (the reserved box equals the shown one), and every picture file answers 200.
 */
import { expect, test } from '@playwright/test';

const ARTICLE = '/articles/fifa-world-cup-2018-day-five-sweden-belgium-england-win-three-points/';

for (const dpr of [1, 2, 3]) {
  test(`at 390 px and ${dpr}× density the article's lead picture is the AVIF source, at most 60 KB, in a box reserved before it loaded`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: dpr });
    const page = await context.newPage();
    const sizes = new Map<string, number>();
    page.on('response', async (response) => {
      if (response.url().includes('/images/')) sizes.set(response.url(), (await response.body()).length);
    });
    await page.goto(ARTICLE, { waitUntil: 'networkidle' });
    const lead = page.locator('figure.lead-picture img');
    const info = await lead.evaluate((img: HTMLImageElement) => ({ src: img.currentSrc, natural: img.naturalWidth, box: img.getBoundingClientRect().height, ratio: img.width / img.height, aspect: img.naturalWidth / img.naturalHeight }));
    expect(info.src).toMatch(/\.avif$/);
    expect(info.natural).toBeGreaterThan(0);
    expect(Math.abs(info.ratio - info.aspect)).toBeLessThan(0.01);
    expect(sizes.get(info.src), `bytes of ${info.src}`).toBeLessThanOrEqual(60 * 1024);
    for (const [url] of sizes) expect((await page.request.get(url)).status(), url).toBe(200);
    await context.close();
  });
}

test('the lead picture reserves its space: no layout shift while the page and its pictures load', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(ARTICLE);
  const shift = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) total += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(total), 1000);
      }),
  );
  expect(shift).toBe(0);
});

test('the home page leads with the picture of its lead story, loaded eagerly', async ({ page }) => {
  await page.goto('/', { waitUntil: 'networkidle' });
  const img = page.locator('.front-lead img');
  await expect(img).toHaveAttribute('fetchpriority', 'high');
  expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
});
