/** The seed article's anatomy, as a reader's browser shows it. */
import { expect, test } from '@playwright/test';
import {
  SEED_FIRST_PARAGRAPH,
  SEED_HEADLINE,
  SEED_LAST_PARAGRAPH,
  SEED_QUOTE_PARAGRAPH,
  SEED_RELATED_LINK,
  SEED_STANDFIRST,
  SEED_URL,
  seedBodyParagraphs,
} from './seed.ts';

test.describe('seed article', () => {
  test.beforeEach(async ({ page }) => {
    const response = await page.goto(SEED_URL);
    expect(response?.status()).toBe(200);
  });

  test('has the breadcrumbs section › primary topic ("Asia › Shinzo Abe") linking to their pages, before the headline', async ({ page }) => {
    const header = page.locator('main article').first().locator('header').first();
    const crumbs = header.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link');
    await expect(crumbs).toHaveText(['Asia', 'Shinzo Abe']);
    await expect(crumbs.first()).toHaveAttribute('href', '/asia/');
    const label = crumbs.nth(1);
    await expect(label).toHaveText('Shinzo Abe');
    await expect(label).toHaveAttribute('href', '/topics/shinzo-abe/');
    const labelBox = await label.boundingBox();
    const h1Box = await page.getByRole('heading', { level: 1 }).boundingBox();
    expect(labelBox!.y).toBeLessThan(h1Box!.y);
  });

  test('has the headline as its only h1, and in the title', async ({ page }) => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_HEADLINE);
    await expect(page).toHaveTitle(new RegExp(`^${SEED_HEADLINE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  test('shows the standfirst under the headline', async ({ page }) => {
    const standfirst = page.getByText(SEED_STANDFIRST, { exact: true });
    await expect(standfirst).toBeVisible();
    const h1Box = await page.getByRole('heading', { level: 1 }).boundingBox();
    expect((await standfirst.boundingBox())!.y).toBeGreaterThan(h1Box!.y);
  });

  test('shows the published time in Hong Kong time, with its offset in datetime', async ({ page }) => {
    const published = page.locator('time[datetime="2016-11-20T13:03:00+08:00"]');
    await expect(published).toHaveCount(1);
    await expect(published).toHaveText('Sunday, 20 November 2016, 1:03pm HKT');
    await expect(published).toBeVisible();
  });

  test('shows the updated time as the time of day only (same day)', async ({ page }) => {
    const updated = page.locator('time[datetime="2016-11-20T22:45:00+08:00"]');
    await expect(updated).toHaveCount(1);
    await expect(updated).toHaveText('10:45pm HKT');
    await expect(updated).toBeVisible();
  });

  test('shows the dateline LIMA', async ({ page }) => {
    await expect(page.locator('main').getByText('LIMA', { exact: true })).toBeVisible();
  });

  test('has the body paragraphs verbatim and in order, curly quotes kept', async ({ page }) => {
    const paragraphs = (await page.locator('main article p').allTextContents()).map((t) => t.trim());
    const expected = seedBodyParagraphs();
    expect(expected[0]).toBe(SEED_FIRST_PARAGRAPH);
    expect(expected.at(-1)).toBe(SEED_LAST_PARAGRAPH);
    const first = paragraphs.indexOf(SEED_FIRST_PARAGRAPH);
    expect(first, 'first body paragraph on the page').toBeGreaterThanOrEqual(0);
    expect(paragraphs.slice(first, first + expected.length)).toEqual(expected);
    expect(paragraphs).toContain(SEED_QUOTE_PARAGRAPH);
    expect(paragraphs).toContain(SEED_LAST_PARAGRAPH);
  });

  test('links "Can space bring two old frenemies…" to a live page, not a 404', async ({ page }) => {
    const link = page.getByRole('link', { name: SEED_RELATED_LINK, exact: true });
    await expect(link).toHaveCount(1);
    await expect(link).toHaveText(SEED_RELATED_LINK);
    const navigation = page.waitForResponse((r) => r.request().isNavigationRequest() && r.request().frame() === page.mainFrame());
    await link.click();
    const response = await navigation;
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(/not found/i);
    expect(new URL(page.url()).pathname).not.toBe(SEED_URL);
  });
});
