/** Responsive layout: on a phone nothing scrolls sideways. */
import { expect, test } from '@playwright/test';
import { JAPANESE_URL, SEED_URL } from './seed.ts';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });

for (const url of ['/', SEED_URL, JAPANESE_URL, '/topics/']) {
  test(`${url} has no horizontal scroll at 390px`, async ({ page }) => {
    await page.goto(url);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.scrollingElement!.scrollWidth,
      clientWidth: document.scrollingElement!.clientWidth,
    }));
    expect(scrollWidth, `scrollWidth ${scrollWidth} > clientWidth ${clientWidth}`).toBeLessThanOrEqual(clientWidth);
  });
}
