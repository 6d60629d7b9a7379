/** A reader's path through the site by clicking links: home → topic → article; and the 404 page. */
import { expect, test } from '@playwright/test';

test('home lists the newest articles first', async ({ page }) => {
  await page.goto('/');
  const times = await page.locator('main article time').evaluateAll((els) => els.map((el) => el.getAttribute('datetime') ?? ''));
  expect(times.length).toBeGreaterThan(1);
  const instants = times.map((t) => Date.parse(t));
  expect(instants.every((t) => !Number.isNaN(t))).toBe(true);
  expect(instants).toEqual([...instants].sort((a, b) => b - a));
});

test('home → topic → article by clicking links', async ({ page }) => {
  await page.goto('/');
  const card = page.locator('main article').first();
  const topicLabel = card.getByRole('link').first();
  const topicName = (await topicLabel.textContent())!.trim();
  const topicHref = (await topicLabel.getAttribute('href'))!;
  expect(topicHref).toMatch(/^\/topics\/[a-z0-9-]+\/$/);

  await topicLabel.click();
  await expect(page).toHaveURL(topicHref);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(topicName);

  const headlineLink = page.locator('main article').first().getByRole('heading').getByRole('link');
  const headline = (await headlineLink.textContent())!.trim();
  const articleHref = (await headlineLink.getAttribute('href'))!;
  expect(articleHref).toMatch(/^\/articles\/[a-z0-9-]+\/$/);

  await headlineLink.click();
  await expect(page).toHaveURL(articleHref);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);
});

test('an unknown URL gets the 404 page with status 404', async ({ page }) => {
  const response = await page.goto('/no-such-page/at-all/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/not found/i);
  await expect(page.getByRole('link', { name: /latest news/i })).toHaveAttribute('href', '/');
});

test('home links to its page 2 (rel="next"), which lists older articles', async ({ page }) => {
  await page.goto('/');
  const oldestOnPage1 = await page.locator('main article time').last().getAttribute('datetime');
  const next = page.locator('a[rel="next"]').first();
  await expect(next).toHaveAttribute('href', '/page/2/');
  await next.click();
  await expect(page).toHaveURL('/page/2/');
  const firstOnPage2 = await page.locator('main article time').first().getAttribute('datetime');
  expect(Date.parse(firstOnPage2!)).toBeLessThanOrEqual(Date.parse(oldestOnPage1!));
});
