/**
 * Locator maps as readers see them (issue 11): the seed article's map rendered by Chromium
 * in light and dark schemes, compared with stored screenshots (small tolerance for
 * anti-aliasing); the image loads under the page's CSP with no console error.
 * Update the stored screenshots after an intended change of the drawing:
 * `npx playwright test tests/e2e/maps.spec.ts --update-snapshots`.
 */
import { expect, test } from '@playwright/test';
import { JAPANESE_URL, SEED_URL } from './seed.ts';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the seed article's locator map looks as stored (${colorScheme})`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, deviceScaleFactor: 1, colorScheme });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(SEED_URL);
    const img = page.locator('figure.lead-map img');
    await expect(img).toBeVisible();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(400);
    await expect(img).toHaveScreenshot(`seed-map-${colorScheme}.png`, { maxDiffPixelRatio: 0.01 });
    expect(errors).toEqual([]);
    await context.close();
  });
}

test('the Japanese article leads with its map, captioned in Japanese, at phone width', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.goto(JAPANESE_URL);
  const figure = page.locator('figure.lead-map');
  await expect(figure.locator('figcaption')).toHaveText('玄界島');
  const box = (await figure.locator('img').boundingBox())!;
  // Fills the column and keeps the map's 8:5 shape.
  expect(box.width).toBeGreaterThan(340);
  expect(box.height / box.width).toBeCloseTo(250 / 400, 2);
  await context.close();
});
