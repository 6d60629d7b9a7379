/**
 * dist/news-sitemap.xml: a well-formed Google News sitemap listing exactly the articles
 * published in the 48 hours before the build clock (none for the bundled corpus, whose
 * newest article is from 2018 — an empty urlset), named in robots.txt. Non-empty output is
 * validated against the sitemaps.org XSD plus the news schema in tests/unit/news-sitemap.test.ts.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { distDir, readDist, requireDist, siteUrl } from './dist.ts';
import { publishedForDistribution, testClock } from './distribution.ts';

const SCHEMA = path.resolve(import.meta.dirname, '..', 'schemas', 'news-sitemap.xsd');
let xml: string;
let urls: any[];

beforeAll(() => {
  requireDist();
  xml = readDist('news-sitemap.xml');
  const parsed = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: false, isArray: (n) => n === 'url' }).parse(xml);
  urls = parsed.urlset.url ?? [];
});

describe('news-sitemap.xml', () => {
  it('is well-formed XML (xmllint)', () => {
    const result = spawnSync('xmllint', ['--noout', path.join(distDir, 'news-sitemap.xml')], { encoding: 'utf8' });
    if (result.error) throw new Error(`cannot run xmllint (${result.error.message}): install Debian package libxml2-utils`);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('is a sitemaps.org urlset with the Google News namespace', () => {
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9" xmlns:news="http:\/\/www.google.com\/schemas\/sitemap-news\/0.9"/);
  });

  it('lists exactly the articles published in the 48 hours before the build clock, at most 1,000', () => {
    // The build ran at most a few hours before this test: only articles clear of the
    // window's edges are decided; none of the bundled corpus is near them.
    const now = testClock().getTime();
    const window = publishedForDistribution().filter((a) => a.publishedAt.getTime() <= now && a.publishedAt.getTime() >= now - 48 * 3_600_000);
    expect(urls.length).toBeLessThanOrEqual(1000);
    expect(urls.map((u) => u.loc).sort()).toEqual(window.map((a) => a.url).sort());
  });

  it('gives each entry its publication name and language, publication date with offset and exact headline', () => {
    const byUrl = new Map(publishedForDistribution().map((a) => [a.url, a]));
    for (const url of urls) {
      const article = byUrl.get(url.loc)!;
      const news = url['news:news'];
      expect(news['news:publication']['news:name']).toBe('The Dateline');
      expect(news['news:publication']['news:language']).toBe((article.lang ?? 'en').split('-')[0]);
      expect(news['news:publication_date']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
      expect(Date.parse(news['news:publication_date'])).toBe(article.publishedAt.getTime());
      expect(news['news:title']).toBe(article.headline);
    }
  });

  it('validates against the sitemap and news schemas when it lists anything', () => {
    if (urls.length === 0) {
      // An empty urlset is what Google accepts when nothing is new; the sitemaps.org XSD
      // wants at least one url, so it is checked for well-formedness only (see docs/distribution.md).
      expect(xml).toMatch(/<urlset [^>]*\/>$/);
      return;
    }
    const result = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, path.join(distDir, 'news-sitemap.xml')], { encoding: 'utf8' });
    expect(result.stderr).toContain('validates');
  });

  it('is named in robots.txt, and the page sitemap does not list it or any feed', () => {
    expect(readDist('robots.txt')).toContain(`Sitemap: ${siteUrl}/news-sitemap.xml\n`);
    expect(readDist('sitemap-0.xml')).not.toMatch(/news-sitemap|rss\.xml|atom\.xml|feed\.json/);
  });
});
