/**
 * dist/rss.xml: well-formed RSS 2.0 that a feed reader parses without complaint (feedparser
 * bozo 0), and that matches the content: the newest published articles, newest first, each
 * headline exactly as the editor typed it in the frontmatter.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  SEED_ID,
  articleUrl,
  authorNames,
  canonicalOf,
  distDir,
  feedSize,
  pageAt,
  publishedArticles,
  readDist,
  requireDist,
  siteUrl,
  topicNames,
  type SourceArticle,
} from './dist.ts';
import { RFC822_GMT, feedparser, htmlText, parseRss, xmlText, type FeedparserResult, type XmlChannel, type XmlItem } from './feed-readers.ts';

let channel: XmlChannel;
let items: XmlItem[];
let reader: FeedparserResult;
let expected: SourceArticle[];

beforeAll(() => {
  requireDist();
  channel = parseRss(readDist('rss.xml')).rss.channel;
  items = channel.item ?? [];
  reader = feedparser(path.join(distDir, 'rss.xml'));
  expected = publishedArticles().slice(0, feedSize);
});

/** The article an item stands for, found by its link: `/articles/<id>/` on the site. */
function articleOf(item: XmlItem): SourceArticle {
  const article = expected.find((a) => `${siteUrl}${articleUrl(a.id)}` === item.link);
  if (!article) throw new Error(`feed item "${item.title}" links to ${item.link}, which is no published article's permalink`);
  return article;
}

describe('rss.xml as a feed reader sees it', () => {
  it('is RSS 2.0 that feedparser reads without error (bozo 0)', () => {
    expect(reader.bozo_exception).toBeNull();
    expect(reader.bozo).toBe(0);
    expect(reader.version).toBe('rss20');
    expect(reader.encoding?.toLowerCase()).toBe('utf-8');
  });

  it('has one entry per item, in the same order, with the same titles and links', () => {
    expect(reader.entries.map((e) => [e.title, e.link])).toEqual(items.map((i) => [i.title, i.link]));
  });

  it('gives every headline back exactly as in the frontmatter', () => {
    const mismatches = reader.entries
      .map((entry, i) => ({ entry, article: articleOf(items[i]!) }))
      .filter(({ entry, article }) => entry.title !== article.headline)
      .map(({ entry, article }) => `${article.file}: feed reader shows ${JSON.stringify(entry.title)}, frontmatter has ${JSON.stringify(article.headline)}`);
    expect(mismatches).toEqual([]);
  });

  it('gives every standfirst back as the item summary text', () => {
    const mismatches = reader.entries
      .map((entry, i) => ({ text: htmlText(entry.summary ?? ''), article: articleOf(items[i]!) }))
      .filter(({ text, article }) => text !== article.standfirst)
      .map(({ text, article }) => `${article.file}: ${JSON.stringify(text)} != ${JSON.stringify(article.standfirst)}`);
    expect(mismatches).toEqual([]);
  });

  it('round-trips the apostrophe headline exactly', () => {
    const headline = "After visa snags, all-girl Afghan team honored for 'courageous achievement' at international robotics competition";
    expect(reader.entries.map((e) => e.title)).toContain(headline);
  });

  it('round-trips non-ASCII headlines exactly: the seed’s curly apostrophe and Japanese', () => {
    const titles = reader.entries.map((e) => e.title);
    expect(titles).toContain('Abe, Putin hold intensive talks on disputed islands ahead of Russian leader’s Tokyo visit');
    expect(titles).toContain('福岡県西方沖地震から1年、各地で行事');
    const japanese = expected.filter((a) => a.lang === 'ja');
    expect(japanese.length).toBeGreaterThan(0);
    for (const a of japanese) expect(titles).toContain(a.headline);
  });

  it('reads the seed article’s pubDate as the instant 2016-11-20T13:03:00+08:00', () => {
    const seed = reader.entries.find((e) => e.link === `${siteUrl}${articleUrl(SEED_ID)}`);
    expect(seed, 'seed article in the feed').toBeDefined();
    expect(seed!.published_epoch).toBe(Date.parse('2016-11-20T13:03:00+08:00') / 1000);
  });

  it('uses the link as a permalink guid', () => {
    for (const entry of reader.entries) {
      expect(entry.id).toBe(entry.link);
      expect(entry.guidislink).toBe(false); // a real <guid> was present; feedparser did not fall back to the link
    }
  });

  it('reads the channel: title, link, description, language, self link, lastBuildDate', () => {
    expect(reader.feed.title).toBe('The Dateline');
    expect(reader.feed.link).toBe(`${siteUrl}/`);
    expect(reader.feed.subtitle).toBeTruthy();
    expect(reader.feed.language).toBe('en-GB');
    expect(reader.feed.links).toContainEqual(expect.objectContaining({ rel: 'self', href: `${siteUrl}/rss.xml` }));
    expect(reader.feed.updated_epoch).toEqual(expect.any(Number));
  });
});

describe('rss.xml matches the content', () => {
  it('has min(feed size, published articles) items', () => {
    expect(expected.length).toBeGreaterThan(0);
    expect(items).toHaveLength(Math.min(feedSize, publishedArticles().length));
  });

  it('lists the newest published articles, no drafts', () => {
    expect(items.map((i) => articleOf(i).id).sort()).toEqual(expected.map((a) => a.id).sort());
  });

  it('is ordered newest first', () => {
    const times = items.map((i) => Date.parse(i.pubDate));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('has title = headline and description = standfirst, exactly', () => {
    for (const item of items) {
      const article = articleOf(item);
      expect(item.title, article.file).toBe(article.headline);
      expect(item.description, article.file).toBe(article.standfirst);
    }
  });

  it('links each item to the absolute canonical URL of its article page, with guid = link', () => {
    for (const item of items) {
      const article = articleOf(item);
      expect(item.link).toMatch(/^https?:\/\//);
      expect(item.link, article.file).toBe(canonicalOf(pageAt(articleUrl(article.id))));
      expect(xmlText(item.guid)).toBe(item.link);
      if (typeof item.guid !== 'string') expect(item.guid['@_isPermaLink'] ?? 'true').toBe('true');
    }
  });

  it('has pubDate = publishedAt (same instant), written as RFC 822 in GMT', () => {
    for (const item of items) {
      const article = articleOf(item);
      expect(item.pubDate, article.file).toMatch(RFC822_GMT);
      expect(Date.parse(item.pubDate), article.file).toBe(article.publishedAt.getTime());
    }
  });

  it('gives the seed article the pubDate Sun, 20 Nov 2016 05:03:00 GMT', () => {
    const seed = items.find((i) => i.link === `${siteUrl}${articleUrl(SEED_ID)}`);
    expect(seed?.pubDate).toBe('Sun, 20 Nov 2016 05:03:00 GMT');
  });

  it('has one category per topic, named as the topic, in frontmatter order', () => {
    const names = topicNames();
    for (const item of items) {
      const article = articleOf(item);
      expect(item.category ?? [], article.file).toEqual(article.topics.map((id) => names.get(id)));
    }
  });

  it('credits the authors (dc:creator) when an article has any', () => {
    const names = authorNames();
    for (const item of items) {
      const article = articleOf(item);
      if (article.authors.length === 0) {
        expect(item['dc:creator'], article.file).toBeUndefined();
      } else {
        for (const id of article.authors) expect(item['dc:creator'], article.file).toContain(names.get(id));
      }
    }
  });

  it('has the channel elements: title, link, description, language en-GB, atom:link rel=self, lastBuildDate', () => {
    expect(channel.title).toBe('The Dateline');
    expect(channel.link).toBe(`${siteUrl}/`);
    expect(channel.description.length).toBeGreaterThan(0);
    expect(channel.language).toBe('en-GB');
    expect(channel['atom:link']).toContainEqual(expect.objectContaining({ '@_rel': 'self', '@_href': `${siteUrl}/rss.xml` }));
    expect(channel.lastBuildDate).toMatch(RFC822_GMT);
    const newestItem = Math.max(...items.map((i) => Date.parse(i.pubDate)));
    expect(Date.parse(channel.lastBuildDate!)).toBeGreaterThanOrEqual(newestItem);
  });
});
