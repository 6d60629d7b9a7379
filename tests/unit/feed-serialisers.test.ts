/**
 * The three serialisers of one feed model: every value read back by a strict XML parser
 * (or JSON.parse) is exactly the model's value, however hard it is to escape.
 */
import { spawnSync } from 'node:child_process';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArticleFeed, buildCorrectionsFeed, type FeedModel } from '../../src/lib/distribution/feed-model.ts';
import { buildRssXml } from '../../src/lib/distribution/feed-rss.ts';
import { buildAtomXml } from '../../src/lib/distribution/feed-atom.ts';
import { JSON_FEED_VERSION, buildJsonFeed, buildJsonFeedText } from '../../src/lib/distribution/feed-json.ts';
import { ARTICLES, NASTY_HEADLINE, SITE, bodyOf } from './distribution-fixtures.ts';

const model: FeedModel = buildArticleFeed({ kind: 'site' }, ARTICLES, { site: SITE, bodyOf, fallbackUpdated: new Date(0) });
const ARRAYS = new Set(['item', 'entry', 'category', 'dc:creator', 'author', 'atom:link']);

function parseXml(xml: string): Record<string, any> {
  const lint = spawnSync('xmllint', ['--noout', '-'], { input: xml, encoding: 'utf8' });
  if (lint.error) throw new Error(`cannot run xmllint (${lint.error.message}): install Debian package libxml2-utils`);
  if (lint.status !== 0) throw new Error(`not well-formed XML:\n${lint.stderr}`);
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    htmlEntities: true,
    isArray: (name, jpath) => ARRAYS.has(name) || (name === 'link' && String(jpath).startsWith('feed.')),
  }).parse(xml);
}
const textOf = (v: any): string => (typeof v === 'string' ? v : v['#text']);

describe('buildRssXml', () => {
  let channel: any;
  let xml: string;
  beforeAll(async () => {
    xml = await buildRssXml(model, { stylesheet: '/feed.xsl' });
    channel = parseXml(xml).rss.channel;
  });

  it('starts with the XML declaration and the browser stylesheet', () => {
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><\?xml-stylesheet href="\/feed.xsl" type="text\/xsl"\?><rss version="2.0"/);
  });

  it('writes the channel: title, link, description, language, lastBuildDate, atom:link self, image', () => {
    expect(channel.title).toBe('The Dateline');
    expect(channel.link).toBe('https://dateline.example/');
    expect(channel.description).toBe(SITE.description);
    expect(channel.language).toBe('en-GB');
    expect(channel.lastBuildDate).toBe(model.updated.toUTCString());
    expect(channel['atom:link']).toEqual([{ '@_href': 'https://dateline.example/rss.xml', '@_rel': 'self', '@_type': 'application/rss+xml' }]);
    expect(channel.image).toEqual({ url: 'https://dateline.example/brand/logo-144.png', title: 'The Dateline', link: 'https://dateline.example/', width: '144', height: '144' });
  });

  it('reads back title, description, categories and authors exactly, number-like names included', () => {
    const item = channel.item[0];
    expect(item.title).toBe(NASTY_HEADLINE);
    // RSS descriptions are HTML: the standfirst's text is HTML-escaped once, then XML-escaped.
    expect(item.description).toBe(`Standfirst with &lt;tags&gt; &amp; "quotes" and 'apostrophes'`);
    expect(item.category).toEqual(['Q&A <live>']);
    expect(item['dc:creator']).toEqual([`Ann O'Brien & "Co"`, '007']);
  });

  it('writes link and a permalink guid equal to the item URL', () => {
    for (const [i, item] of channel.item.entries()) {
      expect(item.link).toBe(model.items[i]!.url);
      expect(textOf(item.guid)).toBe(model.items[i]!.id);
      expect(item.guid['@_isPermaLink']).toBe('true');
    }
  });

  it('writes pubDate = first publication (RFC 822 GMT) and atom:updated = last change with offset', () => {
    const item = channel.item[1];
    expect(item.pubDate).toBe('Sun, 20 Nov 2016 05:03:00 GMT');
    expect(item['atom:updated']).toBe('2016-11-20T22:45:00+08:00');
  });

  it('carries the full content HTML in content:encoded, exactly', () => {
    channel.item.forEach((item: any, i: number) => expect(item['content:encoded']).toBe(model.items[i]!.contentHtml));
  });

  it('never leaves a placeholder token behind', () => {
    expect(xml).not.toMatch(/DATELINExTOKEN/);
  });
});

describe('buildAtomXml', () => {
  let feed: any;
  let xml: string;
  beforeAll(() => {
    xml = buildAtomXml(model, { stylesheet: '/feed.xsl' });
    feed = parseXml(xml).feed;
  });

  it('is an Atom 1.0 feed with its stylesheet, language, id, title, subtitle, updated', () => {
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><\?xml-stylesheet type="text\/xsl" href="\/feed.xsl"\?><feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="en-GB">/);
    expect(feed.id).toBe('https://dateline.example/atom.xml');
    expect(textOf(feed.title)).toBe('The Dateline');
    expect(textOf(feed.subtitle)).toBe(SITE.description);
    expect(feed.updated).toBe('2016-11-22T08:30:00+08:00');
    expect(feed.icon).toBe('https://dateline.example/brand/logo-144.png');
    expect(feed.logo).toBe('https://dateline.example/og-default.png');
    expect(feed.author).toEqual([{ name: 'The Dateline', uri: 'https://dateline.example/' }]);
  });

  it('links to itself and to the HTML page', () => {
    expect(feed.link).toEqual([
      { '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': 'https://dateline.example/atom.xml' },
      { '@_rel': 'alternate', '@_type': 'text/html', '@_href': 'https://dateline.example/' },
    ]);
  });

  it('writes each entry exactly: id, title, link, published, updated, authors, categories, summary, content', () => {
    const [entry] = feed.entry;
    const item = model.items[0]!;
    expect(entry.id).toBe(item.id);
    expect(textOf(entry.title)).toBe(NASTY_HEADLINE);
    expect(entry.title['@_type']).toBe('text');
    expect(entry.link).toEqual([{ '@_rel': 'alternate', '@_type': 'text/html', '@_href': item.url }]);
    expect(entry.published).toBe('2016-11-21T09:00:00+08:00');
    expect(entry.updated).toBe('2016-11-22T08:30:00+08:00');
    expect(entry.author).toEqual([
      { name: `Ann O'Brien & "Co"`, uri: 'https://dateline.example/authors/o-brien/' },
      { name: '007', uri: 'https://dateline.example/authors/agent/' },
    ]);
    expect(entry.category).toEqual([{ '@_term': 'Q&A <live>' }]);
    expect(textOf(entry.summary)).toBe(item.summary);
    expect(entry.content['@_type']).toBe('html');
    expect(textOf(entry.content)).toBe(item.contentHtml);
  });

  it('omits entry authors when there is no byline (the feed author, the publication, applies)', () => {
    expect(feed.entry[1].author).toBeUndefined();
  });

  it('marks the title, summary and content of an entry in another language with xml:lang (not the entry: newsboat drops those)', () => {
    expect(feed.entry[2]['@_xml:lang']).toBeUndefined();
    for (const part of ['title', 'summary', 'content']) expect(feed.entry[2][part]['@_xml:lang'], part).toBe('ja');
    expect(feed.entry[1].title['@_xml:lang']).toBeUndefined();
  });

  it('refuses text with characters XML cannot carry, naming where', () => {
    const bad = { ...model, items: [{ ...model.items[0]!, title: 'bell \u0007' }] };
    expect(() => buildAtomXml(bad)).toThrow(/feed\/entry\[0\]\/title\/#text: U\+0007/);
  });

  it('is well-formed with no entries', () => {
    const empty = buildCorrectionsFeed([], { site: SITE, fallbackUpdated: new Date('2018-06-26T12:00:00Z') });
    const parsed = parseXml(buildAtomXml(empty)).feed;
    expect(parsed.entry).toBeUndefined();
    expect(parsed.updated).toBe('2018-06-26T20:00:00+08:00');
  });
});

describe('buildJsonFeed', () => {
  const json = buildJsonFeed(model);

  it('is JSON Feed 1.1 with the top-level fields', () => {
    expect(json.version).toBe(JSON_FEED_VERSION);
    expect(json).toMatchObject({
      title: 'The Dateline',
      home_page_url: 'https://dateline.example/',
      feed_url: 'https://dateline.example/feed.json',
      icon: 'https://dateline.example/brand/logo-512.png',
      favicon: 'https://dateline.example/brand/logo-144.png',
      language: 'en-GB',
      authors: [{ name: 'The Dateline', url: 'https://dateline.example/' }],
    });
  });

  it('writes items with id, url, title, summary, content_html, RFC 3339 dates, authors, tags, language', () => {
    expect(json.items[0]).toEqual({
      id: 'https://dateline.example/articles/nasty-headline/',
      url: 'https://dateline.example/articles/nasty-headline/',
      title: NASTY_HEADLINE,
      summary: ARTICLES[0]!.standfirst,
      content_html: model.items[0]!.contentHtml,
      date_published: '2016-11-21T09:00:00+08:00',
      date_modified: '2016-11-22T08:30:00+08:00',
      authors: [
        { name: `Ann O'Brien & "Co"`, url: 'https://dateline.example/authors/o-brien/' },
        { name: '007', url: 'https://dateline.example/authors/agent/' },
      ],
      tags: ['Q&A <live>'],
    });
    expect(json.items[1]!.authors).toBeUndefined();
    expect(json.items[2]!.language).toBe('ja');
  });

  it('round-trips through its text form exactly', () => {
    const text = buildJsonFeedText(model);
    expect(text.endsWith('\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(json);
  });
});
