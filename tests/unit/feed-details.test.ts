/**
 * Feed and head details from the site and author configuration: RSS channel copyright,
 * generator and ttl; WebSub hub links in all three formats; no Atom document for a feed
 * without items (and why: feed-extractor rejects one); X card handles; feed order in heads.
 */
import { XMLParser } from 'fast-xml-parser';
import { extractFromXml } from '@extractus/feed-extractor';
import { describe, expect, it } from 'vitest';
import { buildArticleFeed, buildCorrectionsFeed, emptyFeedUpdated, feedLinks, publishedFormats } from '../../src/lib/distribution/feed-model.ts';
import { buildRssXml } from '../../src/lib/distribution/feed-rss.ts';
import { buildAtomXml } from '../../src/lib/distribution/feed-atom.ts';
import { buildJsonFeed } from '../../src/lib/distribution/feed-json.ts';
import { buildHeadTags } from '../../src/lib/head/head.ts';
import { articlePageHead } from '../../src/lib/head/page-head.ts';
import { resolveSiteConfig, SiteConfigError } from '../../src/site.config.ts';
import { ARTICLES, SITE, bodyOf, seed } from './distribution-fixtures.ts';

const HUB = 'https://hub.example.org/';
const parse = (xml: string) =>
  new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, isArray: (name) => name === 'atom:link' || name === 'link' }).parse(xml);

describe('RSS channel copyright, generator and ttl from the site configuration', () => {
  it('writes the configured values, escaped exactly once', async () => {
    const site = resolveSiteConfig({}, { copyright: '© 2026 Dateline & partners <all rights>', feedGenerator: 'Dateline 1.0', feedTtlMinutes: 30 });
    const channel = parse(await buildRssXml(buildArticleFeed({ kind: 'site' }, ARTICLES, { site, bodyOf, fallbackUpdated: new Date(0) }))).rss.channel;
    expect(channel.copyright).toBe('© 2026 Dateline & partners <all rights>');
    expect(channel.generator).toBe('Dateline 1.0');
    expect(channel.ttl).toBe('30');
  });

  it('defaults: the publication copyright, Dateline as generator, 15 minutes', async () => {
    const channel = parse(await buildRssXml(buildArticleFeed({ kind: 'site' }, ARTICLES, { site: SITE, bodyOf, fallbackUpdated: new Date(0) }))).rss.channel;
    expect(channel.copyright).toBe(SITE.copyright);
    expect(channel.copyright).toMatch(/^© The Dateline\./);
    expect(channel.generator).toBe('Dateline (Astro)');
    expect(channel.ttl).toBe('15');
  });

  it('rejects a ttl that is not a whole number of minutes up to a day', () => {
    for (const bad of [0, 1.5, 1441]) expect(() => resolveSiteConfig({}, { feedTtlMinutes: bad }), String(bad)).toThrow(SiteConfigError);
  });
});

describe('WebSub', () => {
  const site = resolveSiteConfig({ WEBSUB_HUB: HUB });
  const model = buildArticleFeed({ kind: 'topic', topic: { id: 'shinzo-abe', name: 'Shinzo Abe' } }, ARTICLES, { site, bodyOf, fallbackUpdated: new Date(0) });

  it('WEBSUB_HUB sets websubHub; a bad URL names the variable', () => {
    expect(site.websubHub).toBe(HUB);
    expect(resolveSiteConfig({}).websubHub).toBeUndefined();
    expect(() => resolveSiteConfig({ WEBSUB_HUB: 'not a url' })).toThrow(/websubHub \(from WEBSUB_HUB\)/);
  });

  it('RSS: atom:link rel="hub" beside rel="self"', async () => {
    const links = parse(await buildRssXml(model)).rss.channel['atom:link'];
    expect(links).toEqual([
      { '@_href': 'https://dateline.example/topics/shinzo-abe/rss.xml', '@_rel': 'self', '@_type': 'application/rss+xml' },
      { '@_href': HUB, '@_rel': 'hub' },
    ]);
  });

  it('Atom: link rel="hub"', () => {
    const links = parse(buildAtomXml(model)).feed.link as Record<string, string>[];
    expect(links.filter((l) => l['@_rel'] === 'hub')).toEqual([{ '@_rel': 'hub', '@_href': HUB }]);
    expect(links.find((l) => l['@_rel'] === 'self')?.['@_href']).toBe('https://dateline.example/topics/shinzo-abe/atom.xml');
  });

  it('JSON Feed: hubs [{ type: "WebSub", url }]', () => {
    expect(buildJsonFeed(model).hubs).toEqual([{ type: 'WebSub', url: HUB }]);
  });

  it('without a hub, no hub link and no hubs member', async () => {
    const plain = buildArticleFeed({ kind: 'site' }, ARTICLES, { site: SITE, bodyOf, fallbackUpdated: new Date(0) });
    expect(await buildRssXml(plain)).not.toContain('rel="hub"');
    expect(buildAtomXml(plain)).not.toContain('rel="hub"');
    expect('hubs' in buildJsonFeed(plain)).toBe(false);
  });
});

describe('feeds without items', () => {
  const empty = buildCorrectionsFeed([], { site: SITE, fallbackUpdated: new Date('2026-01-01T00:00:00Z') });

  it('are dated by the oldest story, so adding or updating a story does not change their bytes (nor the CDN change list)', async () => {
    const at = (iso: string) => ({ publishedAt: new Date(iso) });
    const stories = [at('2016-11-20T13:03:00+08:00'), at('2020-01-01T00:00:00Z')];
    expect(emptyFeedUpdated(stories).toISOString()).toBe('2016-11-20T05:03:00.000Z');
    expect(emptyFeedUpdated([...stories, at('2026-11-30T08:00:00Z')])).toEqual(emptyFeedUpdated(stories));
    expect(emptyFeedUpdated([]).getTime()).toBe(0);
    const before = await buildRssXml(buildCorrectionsFeed([], { site: SITE, fallbackUpdated: emptyFeedUpdated(stories) }));
    const after = await buildRssXml(buildCorrectionsFeed([], { site: SITE, fallbackUpdated: emptyFeedUpdated([...stories, at('2026-11-30T08:00:00Z')]) }));
    expect(after).toBe(before);
    expect(before).toContain('<lastBuildDate>Sun, 20 Nov 2016 05:03:00 GMT</lastBuildDate>');
  });

  it('@extractus/feed-extractor rejects an entry-less Atom document (valid RFC 4287), but reads the empty RSS', async () => {
    expect(() => extractFromXml(buildAtomXml(empty))).toThrow(/Unrecognized feed format/);
    const rss = extractFromXml(await buildRssXml(empty));
    expect(rss.title).toBe('The Dateline: Corrections and clarifications');
    expect(rss.entries).toEqual([]);
  });

  it('are published as RSS and JSON Feed only, and advertised so', () => {
    expect(publishedFormats(0)).toEqual(['rss', 'json']);
    expect(publishedFormats(1)).toEqual(['rss', 'atom', 'json']);
    expect(feedLinks({ kind: 'corrections' }, SITE, publishedFormats(0)).map((l) => l.type)).toEqual(['application/rss+xml', 'application/feed+json']);
  });
});

describe('X card handles', () => {
  const image = { url: 'https://dateline.example/og-default.png', width: 1200, height: 630, alt: 'card' };
  const names = (tags: ReturnType<typeof buildHeadTags>) => tags.filter((t) => t.attrs['name']?.startsWith('twitter:')).map((t) => [t.attrs['name'], t.attrs['content']]);

  it('twitter:site from the site config; twitter:creator from the first byline author with a handle', () => {
    const article = { ...seed, authors: [{ id: 'wire', name: 'Wire staff' }, { id: 'jane', name: 'Jane Doe', twitter: '@janedoe' }, { id: 'joe', name: 'Joe', twitter: '@joe' }] };
    const head = articlePageHead(article, SITE);
    const tags = buildHeadTags({ siteName: 'The Dateline', canonical: 'https://dateline.example/articles/x/', title: 'T', description: 'D', language: 'en-GB', image, article: head.article, feeds: [], twitterSite: '@thedateline' });
    expect(names(tags).slice(0, 3)).toEqual([
      ['twitter:card', 'summary_large_image'],
      ['twitter:site', '@thedateline'],
      ['twitter:creator', '@janedoe'],
    ]);
  });

  it('neither tag without handles', () => {
    const tags = buildHeadTags({ siteName: 'S', canonical: 'https://dateline.example/', title: 'T', description: 'D', language: 'en-GB', image, article: articlePageHead(seed, SITE).article, feeds: [] });
    expect(names(tags).map(([n]) => n)).not.toContain('twitter:site');
    expect(names(tags).map(([n]) => n)).not.toContain('twitter:creator');
  });

  it('the site config and author files accept only real handles', () => {
    expect(resolveSiteConfig({}, { twitterSite: '@the_dateline' }).twitterSite).toBe('@the_dateline');
    for (const bad of ['thedateline', '@', '@has space', '@sixteencharacter', 'https://x.com/dateline']) {
      expect(() => resolveSiteConfig({}, { twitterSite: bad }), bad).toThrow(/twitterSite: must be an X handle/);
    }
  });
});
