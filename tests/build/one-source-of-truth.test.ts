/**
 * One source of truth for dates and URLs: for every published article, the visible
 * `<time datetime>`, JSON-LD `datePublished`/`dateModified`, `article:published_time` /
 * `article:modified_time`, RSS `pubDate` / `atom:updated`, Atom `published`/`updated`,
 * JSON Feed `date_published`/`date_modified` and sitemap `lastmod` all state the
 * frontmatter's instants (`publishedAt`, and the newest of `updatedAt` and corrections);
 * the RFC 3339 ones are the same string. The canonical link, `og:url`, JSON-LD `url`,
 * every feed's link and id, and the sitemap `loc` are the same URL byte for byte.
 */
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { attr, canonicalOf, elements, pageAt, readDist, requireDist, text, type Page } from './dist.ts';
import { expectedFeedSets, publishedForDistribution, type PublishedArticle } from './distribution.ts';

interface Stated {
  /** Where the value was read, e.g. `JSON-LD datePublished`. */
  source: string;
  value: string;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, parseAttributeValue: false, trimValues: false, isArray: (n, jpath) => ['item', 'entry', 'url', 'sitemap'].includes(n) || jpath === 'feed.entry.link' });
const asText = (v: any): string => (typeof v === 'string' ? v : v?.['#text']);

const published = new Map<string, Stated[]>();
const modified = new Map<string, Stated[]>();
const urls = new Map<string, Stated[]>();
const push = (map: Map<string, Stated[]>, url: string, source: string, value: string | undefined) => {
  if (value === undefined) return;
  map.set(url, [...(map.get(url) ?? []), { source, value }]);
};

function metaProperty(page: Page, property: string): string | undefined {
  const el = elements(page.doc, 'meta', (e) => attr(e, 'property') === property)[0];
  return el && attr(el, 'content');
}

/** The labels in every furniture language (src/i18n/*.json): a Japanese article says 公開 / 更新. */
const LABELS = { Published: ['Published', '公開'], Updated: ['Updated', '更新'] } as const;

/** The `<time datetime>` under the article's Published / Updated label, in whichever furniture language. */
function visibleTime(page: Page, label: 'Published' | 'Updated'): string | undefined {
  const dt = elements(page.doc, 'dt', (e) => (LABELS[label] as readonly string[]).includes(text(e).trim()))[0];
  if (!dt) return undefined;
  const dd = elements(dt.parent as never, 'dd')[0];
  const time = dd && elements(dd, 'time')[0];
  return time && attr(time, 'datetime');
}

let articles: PublishedArticle[];

beforeAll(() => {
  requireDist();
  articles = publishedForDistribution();
  for (const a of articles) {
    const page = pageAt(`/articles/${a.id}/`);
    const canonical = canonicalOf(page)!;
    push(urls, a.url, 'canonical link', canonical);
    push(urls, a.url, 'og:url', metaProperty(page, 'og:url'));
    const ld = JSON.parse(text(elements(page.doc, 'script', (e) => attr(e, 'type') === 'application/ld+json')[0]!)) as Record<string, any>;
    push(urls, a.url, 'JSON-LD url', ld['url']);
    push(urls, a.url, 'JSON-LD mainEntityOfPage', ld['mainEntityOfPage']?.['@id']);
    push(published, a.url, '<time datetime> Published', visibleTime(page, 'Published'));
    push(modified, a.url, '<time datetime> Updated (or Published)', visibleTime(page, 'Updated') ?? visibleTime(page, 'Published'));
    push(published, a.url, 'JSON-LD datePublished', ld['datePublished']);
    push(modified, a.url, 'JSON-LD dateModified', ld['dateModified']);
    push(published, a.url, 'article:published_time', metaProperty(page, 'article:published_time'));
    push(modified, a.url, 'article:modified_time', metaProperty(page, 'article:modified_time'));
  }
  const known = new Set(articles.map((a) => a.url));
  for (const set of expectedFeedSets().filter((s) => s.kind !== 'corrections')) {
    const prefix = set.dir ? `${set.dir}/` : '';
    for (const item of parser.parse(readDist(`${prefix}rss.xml`)).rss.channel.item ?? []) {
      const where = `${prefix}rss.xml`;
      push(urls, item.link, `${where} link`, item.link);
      push(urls, item.link, `${where} guid`, asText(item.guid));
      push(published, item.link, `${where} pubDate`, item.pubDate);
      push(modified, item.link, `${where} atom:updated`, item['atom:updated']);
    }
    for (const entry of parser.parse(readDist(`${prefix}atom.xml`)).feed.entry ?? []) {
      const where = `${prefix}atom.xml`;
      push(urls, entry.id, `${where} id`, entry.id);
      push(urls, entry.id, `${where} link`, entry.link[0]['@_href']);
      push(published, entry.id, `${where} published`, entry.published);
      push(modified, entry.id, `${where} updated`, entry.updated);
    }
    for (const item of JSON.parse(readDist(`${prefix}feed.json`)).items) {
      const where = `${prefix}feed.json`;
      push(urls, item.id, `${where} id`, item.id);
      push(urls, item.id, `${where} url`, item.url);
      push(published, item.id, `${where} date_published`, item.date_published);
      push(modified, item.id, `${where} date_modified`, item.date_modified);
    }
  }
  const index = parser.parse(readDist('sitemap-index.xml')).sitemapindex.sitemap as { loc: string }[];
  for (const { loc } of index) {
    for (const u of parser.parse(readDist(new URL(loc).pathname.slice(1))).urlset.url ?? []) {
      if (!known.has(u.loc)) continue;
      push(urls, u.loc, 'sitemap loc', u.loc);
      push(modified, u.loc, 'sitemap lastmod', u.lastmod);
    }
  }
});

/** Problems where a stated value is not the expected instant; RFC 3339 values must also be one string. */
function disagreements(map: Map<string, Stated[]>, expected: (a: PublishedArticle) => Date): string[] {
  const problems: string[] = [];
  for (const a of articles) {
    const stated = map.get(a.url) ?? [];
    for (const s of stated) if (Date.parse(s.value) !== expected(a).getTime()) problems.push(`${a.file}: ${s.source} = ${s.value}, expected ${expected(a).toISOString()}`);
    const zoned = new Set(stated.filter((s) => /T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/.test(s.value)).map((s) => s.value));
    if (zoned.size > 1) problems.push(`${a.file}: RFC 3339 strings differ: ${[...zoned].join(' / ')}`);
  }
  return problems;
}

describe('one source of truth', () => {
  it('every article states its publication time in the page, JSON-LD, Open Graph and every feed', () => {
    for (const a of articles) {
      const sources = (published.get(a.url) ?? []).map((s) => s.source);
      for (const needed of ['<time datetime> Published', 'JSON-LD datePublished', 'article:published_time']) expect(sources, a.file).toContain(needed);
      expect(sources.some((s) => s.endsWith('rss.xml pubDate')), a.file).toBe(true);
      expect(sources.some((s) => s.endsWith('atom.xml published')), a.file).toBe(true);
      expect(sources.some((s) => s.endsWith('feed.json date_published')), a.file).toBe(true);
    }
  });

  it('all publication times agree with publishedAt (same instant; same RFC 3339 string)', () => {
    expect(disagreements(published, (a) => a.publishedAt)).toEqual([]);
  });

  it('all modification times agree with the newest of updatedAt and corrections, sitemap lastmod included', () => {
    for (const a of articles) expect((modified.get(a.url) ?? []).map((s) => s.source), a.file).toContain('sitemap lastmod');
    expect(disagreements(modified, (a) => a.lastModified)).toEqual([]);
  });

  it('the canonical URL is used byte for byte by og:url, JSON-LD, every feed link and id, and the sitemap', () => {
    const problems: string[] = [];
    for (const a of articles) {
      const stated = urls.get(a.url) ?? [];
      const canonical = stated.find((s) => s.source === 'canonical link')?.value;
      if (canonical !== a.url) problems.push(`${a.file}: canonical ${canonical}`);
      for (const s of stated) if (s.value !== canonical) problems.push(`${a.file}: ${s.source} = ${s.value}`);
      for (const needed of ['og:url', 'JSON-LD url', 'sitemap loc']) if (!stated.some((s) => s.source === needed)) problems.push(`${a.file}: no ${needed}`);
    }
    expect(problems).toEqual([]);
  });
});
