/**
 * Escaping in the feed: a headline with `&`, `<`, `>`, quotes and non-ASCII comes out of a
 * feed reader exactly as the editor typed it. The corpus has no `&` or `<` in a headline, so
 * this renders a feed of made-up articles with the code path of src/pages/rss.xml.ts
 * (feed model → RSS writer, with this build's site config), then reads it back with a
 * strict XML parser and with feedparser. No site build is involved.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArticleFeed } from '../../src/lib/distribution/feed-model.ts';
import { buildRssXml } from '../../src/lib/distribution/feed-rss.ts';
import { site } from '../../src/site.config.ts';
import type { Article } from '../../src/lib/content/article-model.ts';
import { makeArticle } from '../unit/make-article.ts';
import { feedparser, htmlText, parseRss, type FeedparserResult, type XmlItem } from './feed-readers.ts';

/** Headlines that must survive exactly. */
const HEADLINES = [
  `Tom & Jerry's "<Best>" cartoons: 5 < 6 & 7 > 3`,
  `Q&A: AT&T, 'single' and "double" quotes`,
  'Abe, Putin hold intensive talks on disputed islands ahead of Russian leader’s Tokyo visit',
  '福岡県西方沖地震から1年、各地で行事',
  'Café crème — naïve «quotes» and emoji 📰',
];

function article(i: number, headline: string): Article {
  return makeArticle({
    id: `escape-${i}`,
    headline,
    standfirst: `Standfirst of “${headline}” & more <here>`,
    topics: [{ id: 'q-and-a', name: 'Q&A <live>' }],
    authors: [{ id: 'o-brien', name: `Ann O'Brien & "Co"` }],
    publishedAt: new Date(Date.UTC(2020, 0, 31 - i, 12)),
  });
}

let dir: string;
let items: XmlItem[];
let reader: FeedparserResult;

beforeAll(async () => {
  const articles = HEADLINES.map((h, i) => article(i, h));
  const model = buildArticleFeed({ kind: 'site' }, articles, {
    site,
    bodyOf: (a) => `<p>Body of ${a.id}</p>`,
    fallbackUpdated: new Date(Date.UTC(2020, 0, 31)),
  });
  const xml = await buildRssXml(model);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-rss-'));
  const file = path.join(dir, 'rss.xml');
  fs.writeFileSync(file, xml);
  items = parseRss(xml).rss.channel.item ?? [];
  reader = feedparser(file);
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('feed escaping', () => {
  it('is well-formed for feedparser (bozo 0)', () => {
    expect(reader.bozo_exception).toBeNull();
    expect(reader.bozo).toBe(0);
  });

  it.each(HEADLINES.map((h, i) => [h, i] as const))('a strict XML parser reads back %j exactly', (headline, i) => {
    expect(items[i]!.title).toBe(headline);
    // RSS descriptions are HTML to feed readers, so the standfirst's text is HTML-escaped
    // (`&` `<` `>`) before XML escaping; a reader then shows `<here>` as text (next test).
    expect(items[i]!.description).toBe(`Standfirst of “${headline}” & more <here>`.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    expect(items[i]!.category).toEqual(['Q&A <live>']);
  });

  it('a strict XML parser reads back an author name with an apostrophe, ampersand and quotes exactly (dc:creator)', () => {
    expect(items.map((item) => item['dc:creator'])).toEqual(HEADLINES.map(() => `Ann O'Brien & "Co"`));
  });

  it.each(HEADLINES.map((h, i) => [h, i] as const))('feedparser shows the standfirst of %j exactly as text', (headline, i) => {
    expect(htmlText(reader.entries[i]!.summary ?? '')).toBe(`Standfirst of “${headline}” & more <here>`);
  });

  it.each(HEADLINES.map((h, i) => [h, i] as const))('feedparser shows the headline %j exactly', (headline, i) => {
    expect(reader.entries[i]!.title).toBe(headline);
    expect(reader.entries[i]!.tags).toEqual(['Q&A <live>']);
  });

  it('feedparser shows an author name with an apostrophe, ampersand and quotes exactly', () => {
    expect(reader.entries.map((e) => e.author)).toEqual(HEADLINES.map(() => `Ann O'Brien & "Co"`));
  });
});
