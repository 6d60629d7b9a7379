/** The site needs no JavaScript: with it disabled, pages render the same. */
import { expect, test, type Page } from '@playwright/test';
import { SEED_HEADLINE, SEED_URL } from './seed.ts';

async function snapshot(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status()).toBe(200);
  return {
    main: await page.locator('main').innerText(),
    h1: await page.getByRole('heading', { level: 1 }).allTextContents(),
    links: await page.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
    height: await page.evaluate(() => document.documentElement.scrollHeight),
  };
}

for (const url of [SEED_URL, '/']) {
  test(`${url} renders the same with JavaScript disabled`, async ({ browser }) => {
    const withJs = await browser.newContext({ javaScriptEnabled: true });
    const withoutJs = await browser.newContext({ javaScriptEnabled: false });
    try {
      const on = await snapshot(await withJs.newPage(), url);
      const off = await snapshot(await withoutJs.newPage(), url);
      expect(off).toEqual(on);
      if (url === SEED_URL) expect(off.h1).toEqual([SEED_HEADLINE]);
    } finally {
      await withJs.close();
      await withoutJs.close();
    }
  });
}
