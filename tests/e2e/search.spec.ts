/**
 * Search in Chromium against the fixture site's Pagefind index: the seed comes first for a
 * word only it has, words of the fixture draft and embargoed story find nothing, Japanese
 * text is searchable, filters narrow, the masthead form leads here, and without JavaScript
 * the page says so and offers the sections and the archive.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { FIXTURE_SITE_DIST, SEED_HEADLINE, SEED_URL } from './seed.ts';

/** What each shard of the fixture site's index holds: per page, its URL, year and indexed text (Pagefind's fragments, gzip'd after a `pagefind_dcd` signature). */
function indexedPages(): { shard: string; url: string; content: string }[] {
  const plan = JSON.parse(fs.readFileSync(path.join(FIXTURE_SITE_DIST, 'pagefind', 'shards.json'), 'utf8')) as { bundles: { shards: { path: string }[] }[] };
  return plan.bundles.flatMap((b) => b.shards).flatMap(({ path: shard }) => {
    const dir = path.join(FIXTURE_SITE_DIST, shard, 'fragment');
    return fs.readdirSync(dir).map((name) => {
      const fragment = JSON.parse(gunzipSync(fs.readFileSync(path.join(dir, name))).toString('utf8').slice('pagefind_dcd'.length)) as { url: string; content: string };
      return { shard, url: new URL(fragment.url, 'https://x.invalid').pathname, content: fragment.content.replace(/\u200b/g, '') };
    });
  });
}

async function search(page: Page, query: string): Promise<{ status: string; headlines: string[]; hrefs: string[] }> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`/search/?${query}`);
  const status = page.locator('#search-status');
  await expect(status).not.toHaveText(/Searching|^$/, { timeout: 15_000 });
  expect(errors).toEqual([]);
  const links = page.locator('#search-results h2 a');
  return {
    status: (await status.textContent()) ?? '',
    headlines: await links.allTextContents(),
    hrefs: await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname)),
  };
}

test('"Kunashiri" finds the seed first', async ({ page }) => {
  const r = await search(page, 'q=Kunashiri');
  expect(r.headlines[0]).toBe(SEED_HEADLINE);
  expect(r.hrefs[0]).toBe(SEED_URL);
  await expect(page.locator('#search-results mark').first()).toHaveText(/Kunashiri/i);
});

// The fixture draft's and embargoed story's unique words: neither story may come back, nor any
// other. Pagefind falls back to the longest indexed prefix of a word it does not know, so
// "DRAFTWORDZEBRA" used to bring back The Onion interview, matched on its word "drafts"; the
// search page drops such fallback matches (src/lib/search/word-match.ts).
for (const word of ['DRAFTWORDZEBRA', 'EMBARGOWORDQUAGGA']) {
  test(`a word only an unpublished article has ("${word}") finds nothing`, async ({ page }) => {
    const r = await search(page, `q=${word}`);
    expect(r.hrefs).toEqual([]);
    expect(r.status).toBe(`No stories match “${word}”.`);
  });
}

// The fixture site's index is cut into shards of at least 10 articles (package.json test:site),
// and a shard that lacks a word falls back to a prefix of it ("Putin" → "put"): the results of
// a sharded search must be exactly the pages whose indexed text has the word, in any shard.
for (const word of ['Putin', 'Russia', 'Scientology']) {
  test(`"${word}" finds exactly the pages whose indexed text has it, across the index shards`, async ({ page }) => {
    const pages = indexedPages();
    const holding = pages.filter((p) => new RegExp(`\\b${word}`, 'i').test(p.content));
    expect(holding.length).toBeGreaterThan(0);
    // The word is missing from at least one shard, so some shard falls back.
    expect(new Set(holding.map((p) => p.shard)).size).toBeLessThan(new Set(pages.map((p) => p.shard)).size);
    const r = await search(page, `q=${word}`);
    expect([...r.hrefs].sort()).toEqual(holding.map((p) => p.url).sort());
    expect(r.status).toBe(`${holding.length} ${holding.length === 1 ? 'story matches' : 'stories match'} “${word}”.`);
  });
}

// Pagefind needs every word it holds on a page; a shard that lacks one of the words ignores it,
// so "Putin iodine" (each word in another shard, no page with both) must still find nothing.
for (const words of [['Putin', 'iodine'], ['church', 'Scientology'], ['Kunashiri', 'Putin']]) {
  test(`"${words.join(' ')}" finds exactly the pages whose indexed text has every word, across the index shards`, async ({ page }) => {
    const pages = indexedPages();
    const shardsOf = (w: string) => new Set(pages.filter((p) => new RegExp(`\\b${w}`, 'i').test(p.content)).map((p) => p.shard));
    for (const w of words) expect(shardsOf(w).size, w).toBeGreaterThan(0);
    const holding = pages.filter((p) => words.every((w) => new RegExp(`\\b${w}`, 'i').test(p.content)));
    const r = await search(page, `q=${encodeURIComponent(words.join(' '))}`);
    expect([...r.hrefs].sort()).toEqual(holding.map((p) => p.url).sort());
  });
}

test('a word a published story has in another form is still found (stemming), and a real prefix too', async ({ page }) => {
  const drafts = await search(page, 'q=draft');
  expect(drafts.hrefs).toContain('/articles/the-onion-an-interview-with-americas-finest-news-source/');
  const prefix = await search(page, 'q=Kunash');
  expect(prefix.hrefs[0]).toBe(SEED_URL);
});

test('Japanese words find the Japanese articles', async ({ page }) => {
  const quake = await search(page, `q=${encodeURIComponent('地震')}`);
  expect(quake.headlines).toEqual(expect.arrayContaining(['宮城県沖でマグニチュード7.4 東北各地で強い地震', '福岡県西方沖地震から1年、各地で行事']));
  const baseball = await search(page, `q=${encodeURIComponent('野球')}`);
  expect(baseball.headlines).toEqual(['2008プロ野球・パ・リーグの日程発表']);
});

test('filters by section, year and language narrow the results, and the form keeps them', async ({ page }) => {
  const all = await search(page, 'q=the');
  const in2016 = await search(page, 'q=the&year=2016');
  expect(in2016.headlines.length).toBeGreaterThan(0);
  expect(in2016.headlines.length).toBeLessThan(all.headlines.length);
  expect(in2016.hrefs).toContain(SEED_URL);
  await expect(page.locator('#filter-year')).toHaveValue('2016');
  const asia = await search(page, 'q=Putin&section=Asia');
  expect(asia.hrefs).toEqual([SEED_URL]);
  expect((await search(page, 'q=Putin&section=Sport')).hrefs).toEqual([]);
  expect((await search(page, 'q=Putin&language=Japanese')).hrefs).toEqual([]);
});

test('the masthead search form is a plain GET to the search page', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('search').first().getByRole('searchbox').fill('Kunashiri');
  await page.getByRole('search').first().getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search\/\?q=Kunashiri$/);
  await expect(page.locator('#search-results h2 a').first()).toHaveText(SEED_HEADLINE);
});

test('without JavaScript the search page says so and offers the sections and the archive', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/search/?q=Kunashiri');
  const notice = page.locator('.search-no-js');
  await expect(notice).toContainText('Search needs JavaScript');
  await expect(notice.getByRole('link', { name: 'Asia' })).toHaveAttribute('href', '/asia/');
  await expect(notice.getByRole('link', { name: /archive/ })).toHaveAttribute('href', '/archive/');
  await context.close();
});

test('the 404 page has a search form', async ({ page }) => {
  await page.goto('/no-such-page/');
  await expect(page.locator('main').getByRole('search')).toHaveAttribute('action', '/search/');
});

test('a year filter opens only the shard of that year in each bundle (no other shard file is fetched)', async ({ page }) => {
  const plan = JSON.parse(fs.readFileSync(path.join(FIXTURE_SITE_DIST, 'pagefind', 'shards.json'), 'utf8')) as { bundles: { shards: { path: string; years: string[] }[] }[] };
  const shards = plan.bundles.flatMap((b) => b.shards);
  const fetched = new Set<string>();
  page.on('request', (r) => {
    const shard = shards.find((s) => new URL(r.url()).pathname.startsWith(s.path));
    if (shard) fetched.add(shard.path);
  });
  const r = await search(page, 'q=iodine&year=2006');
  expect(r.hrefs).toEqual(['/articles/australian-children-suffering-from-iodine-deficiency/']);
  expect([...fetched].sort()).toEqual(shards.filter((s) => s.years.includes('2006')).map((s) => s.path).sort());
  expect(shards.length).toBeGreaterThan(fetched.size);
});
