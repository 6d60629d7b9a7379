import { describe, expect, it } from 'vitest';
import {
  articleFeedItem,
  buildArticleFeed,
  buildCorrectionsFeed,
  feedDescription,
  feedLinks,
  feedListingPath,
  feedTitle,
} from '../../src/lib/distribution/feed-model.ts';
import { listCorrections } from '../../src/lib/content/corrections.ts';
import { lastModified } from '../../src/lib/content/article-model.ts';
import { urlsInHtml } from '../../src/lib/distribution/feed-content.ts';
import { ARTICLES, SITE, bodyOf, japanese, nasty, seed } from './distribution-fixtures.ts';
import { makeArticle } from './make-article.ts';

const options = { site: SITE, bodyOf, fallbackUpdated: new Date('2000-01-01T00:00:00Z') };
const SEED_URL = 'https://dateline.example/articles/abe-putin-hold-intensive-talks-on-disputed-islands/';

describe('feedListingPath / feedTitle / feedDescription', () => {
  it('puts each feed beside the first page of the listing it follows', () => {
    expect(feedListingPath({ kind: 'site' })).toBe('/');
    expect(feedListingPath({ kind: 'topic', topic: { id: 'shinzo-abe', name: 'Shinzo Abe' } })).toBe('/topics/shinzo-abe/');
    expect(feedListingPath({ kind: 'author', author: { id: 'jane', name: 'Jane' } })).toBe('/authors/jane/');
    expect(feedListingPath({ kind: 'corrections' })).toBe('/corrections/');
  });

  it('names feeds after the publication and what they follow', () => {
    expect(feedTitle({ kind: 'site' }, 'The Dateline')).toBe('The Dateline');
    expect(feedTitle({ kind: 'topic', topic: { id: 'nihon', name: '日本' } }, 'The Dateline')).toBe('The Dateline: 日本');
    expect(feedTitle({ kind: 'corrections' }, 'The Dateline')).toBe('The Dateline: Corrections and clarifications');
  });

  it('describes topic and author feeds like their pages', () => {
    expect(feedDescription({ kind: 'topic', topic: { id: 'x', name: 'X', description: 'All about X.' } }, SITE)).toBe('All about X.');
    expect(feedDescription({ kind: 'topic', topic: { id: 'x', name: 'X' } }, SITE)).toBe('The latest The Dateline stories on X.');
    expect(feedDescription({ kind: 'author', author: { id: 'a', name: 'A' } }, SITE)).toBe('Stories by A in The Dateline.');
  });
});

describe('feedLinks', () => {
  it('gives RSS, Atom and JSON Feed autodiscovery links with absolute URLs and MIME types', () => {
    expect(feedLinks({ kind: 'topic', topic: { id: 'shinzo-abe', name: 'Shinzo Abe' } }, SITE)).toEqual([
      { format: 'rss', type: 'application/rss+xml', title: 'The Dateline: Shinzo Abe (RSS)', href: 'https://dateline.example/topics/shinzo-abe/rss.xml' },
      { format: 'atom', type: 'application/atom+xml', title: 'The Dateline: Shinzo Abe (Atom)', href: 'https://dateline.example/topics/shinzo-abe/atom.xml' },
      { format: 'json', type: 'application/feed+json', title: 'The Dateline: Shinzo Abe (JSON Feed)', href: 'https://dateline.example/topics/shinzo-abe/feed.json' },
    ]);
  });

  it('keeps the first release’s /rss.xml for the site feed', () => {
    expect(feedLinks({ kind: 'site' }, SITE)[0]!.href).toBe('https://dateline.example/rss.xml');
  });
});

describe('articleFeedItem', () => {
  const item = articleFeedItem(seed, bodyOf(seed), SITE);

  it('uses the permalink as id and url, byte for byte', () => {
    expect(item.id).toBe(SEED_URL);
    expect(item.url).toBe(SEED_URL);
  });

  it('keeps its id when the headline, standfirst or update time change', () => {
    const edited = articleFeedItem({ ...seed, headline: 'A new headline', standfirst: 'New', updatedAt: new Date('2017-01-01T00:00:00Z') }, '', SITE);
    expect(edited.id).toBe(item.id);
  });

  it('takes title, summary and dates from the article: published = publishedAt, updated = lastModified', () => {
    expect(item.title).toBe(seed.headline);
    expect(item.summary).toBe(seed.standfirst);
    expect(item.published).toEqual(seed.publishedAt);
    expect(item.updated).toEqual(seed.updatedAt);
    const corrected = articleFeedItem(nasty, '', SITE);
    expect(corrected.updated).toEqual(lastModified(nasty));
    expect(corrected.updated).toEqual(new Date('2016-11-22T08:30:00+08:00'));
  });

  it('lists topic names as categories, primary first, and authors with their page URLs', () => {
    expect(item.categories).toEqual(['Shinzo Abe', 'Japan–Russia relations', 'Diplomacy']);
    expect(item.authors).toEqual([]);
    expect(articleFeedItem(nasty, '', SITE).authors).toEqual([
      { name: `Ann O'Brien & "Co"`, url: 'https://dateline.example/authors/o-brien/' },
      { name: '007', url: 'https://dateline.example/authors/agent/' },
    ]);
  });

  it('makes every URL in the content absolute', () => {
    const corrected = articleFeedItem(nasty, bodyOf(nasty), SITE);
    const urls = urlsInHtml(corrected.contentHtml);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url).toMatch(/^https?:\/\//);
    expect(urls).toContain('https://dateline.example/articles/nasty-headline/#note');
    expect(urls).toContain('https://dateline.example/media/x@2x.png');
    expect(item.contentHtml).toContain('href="https://dateline.example/topics/japan-russia-relations/"');
  });

  it('appends the corrections (anchored like the page) and the source attribution', () => {
    const html = articleFeedItem(nasty, bodyOf(nasty), SITE).contentHtml;
    expect(html).toContain('<li id="correction-1"><strong>Correction</strong>');
    expect(html).toContain('<li id="correction-2"><strong>Clarification</strong>');
    expect(html).toContain('The &lt;b&gt; tag was literal text.');
    expect(html).toContain('Originally published by <a href="https://en.wikinews.org/wiki/X?a=1&amp;b=2">Wikinews</a>');
    expect(html).toContain('rel="license">CC BY 2.5</a>');
  });

  it('marks the language only when it differs from the site language', () => {
    expect(item.language).toBeUndefined();
    expect(articleFeedItem(japanese, '', SITE).language).toBe('ja');
  });
});

describe('buildArticleFeed', () => {
  it('keeps the given order and at most feedSize items', () => {
    const model = buildArticleFeed({ kind: 'site' }, ARTICLES, { ...options, site: { ...SITE, feedSize: 2 } });
    expect(model.items.map((i) => i.url)).toEqual(['https://dateline.example/articles/nasty-headline/', SEED_URL]);
  });

  it('is updated at the newest change among its items, not at build time', () => {
    const model = buildArticleFeed({ kind: 'site' }, ARTICLES, options);
    expect(model.updated).toEqual(new Date('2016-11-22T08:30:00+08:00'));
    const again = buildArticleFeed({ kind: 'site' }, ARTICLES, options);
    expect(again).toEqual(model);
  });

  it('uses the fallback time when it has no items', () => {
    expect(buildArticleFeed({ kind: 'site' }, [], options).updated).toEqual(options.fallbackUpdated);
  });

  it('has absolute self URLs for each format, the HTML page, the publisher and the images', () => {
    const model = buildArticleFeed({ kind: 'author', author: { id: 'jane', name: 'Jane' } }, ARTICLES, options);
    expect(model.homePageUrl).toBe('https://dateline.example/authors/jane/');
    expect(model.feedUrls).toEqual({
      rss: 'https://dateline.example/authors/jane/rss.xml',
      atom: 'https://dateline.example/authors/jane/atom.xml',
      json: 'https://dateline.example/authors/jane/feed.json',
    });
    expect(model.publisher).toEqual({ name: 'The Dateline', url: 'https://dateline.example/' });
    expect(model.images.smallLogo).toEqual({ url: 'https://dateline.example/brand/logo-144.png', width: 144, height: 144 });
    expect(model.images.card).toEqual({ url: 'https://dateline.example/og-default.png', width: 1200, height: 630 });
    expect(model.language).toBe('en-GB');
  });

  it('refuses a body that still holds an Astro image placeholder, naming the file', () => {
    const withPlaceholder = () => buildArticleFeed({ kind: 'site' }, [seed], { ...options, bodyOf: () => '<p><img __ASTRO_IMAGE_="{&quot;src&quot;:&quot;./a.png&quot;}"></p>' });
    expect(withPlaceholder).toThrow(/abe-putin-hold-intensive-talks-on-disputed-islands\.md.*__ASTRO_IMAGE_/);
  });
});

describe('buildCorrectionsFeed', () => {
  const model = buildCorrectionsFeed(listCorrections(ARTICLES), { site: SITE, fallbackUpdated: options.fallbackUpdated });

  it('has one item per correction, newest first, each id the article permalink with #correction-<n>', () => {
    expect(model.items.map((i) => i.id)).toEqual([
      'https://dateline.example/articles/nasty-headline/#correction-2',
      'https://dateline.example/articles/nasty-headline/#correction-1',
    ]);
    for (const item of model.items) expect(item.url).toBe(item.id);
  });

  it('titles each item with its kind and the headline, dates it at the correction', () => {
    expect(model.items[0]!.title).toBe(`Clarification: ${nasty.headline}`);
    expect(model.items[0]!.summary).toBe('The <b> tag was literal text.');
    expect(model.items[0]!.published).toEqual(new Date('2016-11-22T08:30:00+08:00'));
    expect(model.items[0]!.updated).toEqual(model.items[0]!.published);
    expect(model.items[0]!.contentHtml).toContain('<a href="https://dateline.example/articles/nasty-headline/">');
  });

  it('keeps a correction’s id when a later one is added', () => {
    const later = makeArticle({ ...nasty, corrections: [...nasty.corrections, { at: new Date('2016-12-01T00:00:00Z'), kind: 'correction', text: 'Third.' }] });
    const ids = buildCorrectionsFeed(listCorrections([later]), { site: SITE, fallbackUpdated: options.fallbackUpdated }).items.map((i) => i.id);
    expect(ids).toEqual([
      'https://dateline.example/articles/nasty-headline/#correction-3',
      ...model.items.map((i) => i.id),
    ]);
  });

  it('lives at /corrections/ and is updated at its newest correction', () => {
    expect(model.homePageUrl).toBe('https://dateline.example/corrections/');
    expect(model.feedUrls.rss).toBe('https://dateline.example/corrections/rss.xml');
    expect(model.updated).toEqual(new Date('2016-11-22T08:30:00+08:00'));
  });
});

describe('buildArticleFeed item cache', () => {
  it('builds each article’s item once across feeds and gives the same items', () => {
    let calls = 0;
    const itemCache = new Map();
    const counting = { ...options, itemCache, bodyOf: (a: Parameters<typeof bodyOf>[0]) => (calls++, bodyOf(a)) };
    const site = buildArticleFeed({ kind: 'site' }, ARTICLES, counting);
    const topic = buildArticleFeed({ kind: 'topic', topic: { id: 'shinzo-abe', name: 'Shinzo Abe' } }, [seed], counting);
    expect(calls).toBe(ARTICLES.length);
    expect(topic.items[0]).toBe(site.items[1]);
    expect(site).toEqual(buildArticleFeed({ kind: 'site' }, ARTICLES, options));
  });
});

describe('feedSizeOf', () => {
  it('gives topic and author feeds listingFeedSize items and the site and corrections feeds feedSize', async () => {
    const { feedSizeOf } = await import('../../src/lib/distribution/feed-model.ts');
    const sizes = { feedSize: 50, listingFeedSize: 20 };
    expect(feedSizeOf({ kind: 'site' }, sizes)).toBe(50);
    expect(feedSizeOf({ kind: 'corrections' }, sizes)).toBe(50);
    expect(feedSizeOf({ kind: 'topic', topic: { id: 't', name: 'T' } }, sizes)).toBe(20);
    expect(feedSizeOf({ kind: 'author', author: { id: 'a', name: 'A' } }, sizes)).toBe(20);
  });
});
