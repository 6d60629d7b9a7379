/**
 * What the one content pipeline publishes (issue "One content pipeline"), on a build of
 * tests/fixtures/pipeline-site at 10:00 on 4 March 2026 (Hong Kong):
 * - the embargoed report (filed 1 March 09:00, embargo until 4 March 09:00) is dated by its
 *   public time everywhere (docs/adr/0012-embargo-public-time.md) and sorts above the 08:30 story;
 * - an Arabic article, topic and author get `dir="rtl"`;
 * - an instant in 1900 (Hong Kong local mean time, +7:36:42) is written so that it means
 *   exactly the stored instant;
 * - GFM column alignment survives as classes, in a body that also has raw HTML.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { buildFixture, readOut, type FixtureBuild } from './helpers.ts';

let build: FixtureBuild;
const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'entry', 'url'].includes(name) });
beforeAll(() => {
  build = buildFixture('pipeline-site', '2026-03-04T10:00:00+08:00');
}, 120_000);
afterAll(() => fs.rmSync(build.outDir, { recursive: true, force: true }));

const jsonLd = (html: string) => JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!);

describe('a build of the pipeline fixture', () => {
  it('succeeds', () => {
    expect(build.status, build.stderr).toBe(0);
  });

  it('dates an embargoed article by the moment its embargo lifted, on its page, in JSON-LD, feeds and the news sitemap', () => {
    const page = readOut(build, 'articles/embargoed-report/index.html');
    expect(page).toContain('<time datetime="2026-03-04T09:00:00+08:00"');
    expect(page).not.toContain('2026-03-01T09:00:00+08:00');
    expect(jsonLd(page).datePublished).toBe('2026-03-04T09:00:00+08:00');
    const items = parser.parse(readOut(build, 'rss.xml')).rss.channel.item;
    expect(items.map((i: { title: string }) => i.title).slice(0, 2)).toEqual(['Embargoed report on harbour water quality', 'Morning ferry news']);
    expect(items[0].pubDate).toBe('Wed, 04 Mar 2026 01:00:00 GMT');
    const entry = parser.parse(readOut(build, 'atom.xml')).feed.entry[0];
    expect(entry.published).toBe('2026-03-04T09:00:00+08:00');
    const news = parser.parse(readOut(build, 'news-sitemap.xml')).urlset.url;
    const report = news.find((u: { loc: string }) => u.loc.endsWith('/articles/embargoed-report/'));
    expect(report['news:news']['news:publication_date']).toBe('2026-03-04T09:00:00+08:00');
  });

  it('marks right-to-left articles, topics and authors with dir="rtl"', () => {
    expect(readOut(build, 'articles/arabic-story/index.html')).toMatch(/<article class="story"[^>]* lang="ar" dir="rtl"/);
    expect(readOut(build, 'topics/middle-east/index.html')).toMatch(/<h1 class="listing-heading"[^>]* lang="ar" dir="rtl"/);
    expect(readOut(build, 'articles/arabic-story/index.html')).toMatch(/<a href="\/authors\/layla-hassan\/" rel="author" lang="ar" dir="rtl">/);
    // The home front's story cards and headline lists.
    expect(readOut(build, 'index.html')).toMatch(/<article class="story-card story-card--[a-z]+" lang="ar" dir="rtl">/);
    expect(readOut(build, 'index.html')).toMatch(/<li lang="ar" dir="rtl">/);
    const entry = parser.parse(readOut(build, 'atom.xml')).feed.entry.find((e: { title: unknown }) => JSON.stringify(e.title).includes('قصة'));
    expect(JSON.stringify(entry.content)).toContain('dir=\\"rtl\\"');
    expect(readOut(build, 'articles/morning-ferry-news/index.html')).not.toContain('dir="rtl"');
  });

  it('writes an instant in Hong Kong local mean time exactly (UTC, since the offset has seconds)', () => {
    const page = readOut(build, 'articles/historic-dispatch/index.html');
    expect(page).toContain('<time datetime="1900-06-01T04:23:18Z"');
    expect(jsonLd(page).datePublished).toBe('1900-06-01T04:23:18Z');
    // @astrojs/sitemap rewrites lastmod as UTC with milliseconds; the instant is what matters.
    const sitemap = readOut(build, 'sitemap-0.xml');
    expect(sitemap).toContain('<loc>https://dateline.example/articles/historic-dispatch/</loc><lastmod>1900-06-01T04:23:18.000Z</lastmod>');
  });

  it('keeps table column alignment as classes on the cells', () => {
    const page = readOut(build, 'articles/league-table/index.html');
    expect(page).toContain('<th class="align-left">Team</th>');
    expect(page).toContain('<td class="align-right">3</td>');
    expect(page).toContain('<b>raw HTML</b>');
  });
});
