/** The headline outranks every heading in the body, on a 360 px phone and on a desktop. */
import { expect, test } from '@playwright/test';
import { SEED_URL } from './seed.ts';

const JAPANESE = '/articles/ja-miyagi-offshore-earthquake-m7-4-2011-04-07/';

for (const width of [360, 1366]) {
  for (const url of [SEED_URL, JAPANESE]) {
    test(`${url} at ${width} px: body headings are smaller than the headline`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(url);
      const sizes = await page.evaluate(() => ({
        headline: parseFloat(getComputedStyle(document.querySelector('h1.headline')!).fontSize),
        body: [...document.querySelectorAll('.story-body :is(h2, h3, h4)')].map((h) => parseFloat(getComputedStyle(h).fontSize)),
      }));
      expect(sizes.headline).toBeGreaterThanOrEqual(28);
      for (const size of sizes.body) expect(size).toBeLessThan(sizes.headline);
      if (url === JAPANESE) expect(sizes.body.length).toBeGreaterThan(0);
    });
  }
}

test('a Japanese article has its furniture in Japanese, dates in Japanese style in Hong Kong time', async ({ page }) => {
  await page.goto(JAPANESE);
  const meta = page.locator('.story-meta');
  await expect(meta.locator('dt').first()).toHaveText('公開');
  await expect(meta.locator('time').first()).toHaveText('2011年4月8日金曜日 11:00 HKT');
  await expect(page.locator('.byline')).toHaveText(/^執筆:/);
  await expect(page.locator('.topic-list-heading')).toHaveText('トピック');
  await expect(page.locator('.breadcrumbs a').first()).toHaveText('アジア');
});
