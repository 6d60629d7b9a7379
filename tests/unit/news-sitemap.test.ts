import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { NEWS_MAX_URLS, buildNewsSitemapXml, selectNewsArticles, toNewsLanguage } from '../../src/lib/distribution/news-sitemap.ts';
import { ARTICLES, NASTY_HEADLINE, SITE, japanese, nasty, seed } from './distribution-fixtures.ts';
import { makeArticle } from './make-article.ts';

const HOUR = 3_600_000;
/** Build clock one hour after the nasty article (2016-11-21T09:00+08:00). */
const NOW = new Date(nasty.publishedAt.getTime() + HOUR);

describe('toNewsLanguage', () => {
  it('gives the ISO 639 language of a BCP 47 tag, lower case', () => {
    expect(toNewsLanguage('en-GB')).toBe('en');
    expect(toNewsLanguage('ja')).toBe('ja');
    expect(toNewsLanguage('PT-br')).toBe('pt');
  });

  it('names Chinese by script as Google does', () => {
    expect(toNewsLanguage('zh')).toBe('zh-cn');
    expect(toNewsLanguage('zh-Hans-CN')).toBe('zh-cn');
    expect(toNewsLanguage('zh-HK')).toBe('zh-tw');
    expect(toNewsLanguage('zh-Hant')).toBe('zh-tw');
  });
});

describe('selectNewsArticles', () => {
  it('keeps articles published in the 48 hours up to the build clock, newest first', () => {
    // nasty: 1 h before NOW; seed: 1 day 4 h before; japanese: 2 days 11 h before.
    expect(selectNewsArticles(ARTICLES, NOW).map((a) => a.id)).toEqual([nasty.id, seed.id]);
  });

  it('includes an article published exactly 48 hours before, excludes one a millisecond older', () => {
    const edge = makeArticle({ id: 'edge', publishedAt: new Date(NOW.getTime() - 48 * HOUR) });
    const older = makeArticle({ id: 'older', publishedAt: new Date(NOW.getTime() - 48 * HOUR - 1) });
    expect(selectNewsArticles([edge, older], NOW).map((a) => a.id)).toEqual(['edge']);
  });

  it('never lists an article published after the clock', () => {
    const future = makeArticle({ id: 'future', publishedAt: new Date(NOW.getTime() + 1) });
    expect(selectNewsArticles([future], NOW)).toEqual([]);
  });

  it('lists every article in the window, newest first (none dropped past 1,000: see planNewsSitemaps)', () => {
    const many = Array.from({ length: 1005 }, (_, i) => makeArticle({ id: `a-${String(i).padStart(4, '0')}`, publishedAt: new Date(NOW.getTime() - i * 60_000) }));
    const picked = selectNewsArticles(many, NOW);
    expect(picked).toHaveLength(NEWS_MAX_URLS + 5);
    expect(picked[0]!.id).toBe('a-0000');
    expect(picked.at(-1)!.id).toBe('a-1004');
  });

  it('is empty when nothing is new (the bundled corpus at today’s clock)', () => {
    expect(selectNewsArticles(ARTICLES, new Date('2026-11-30T00:00:00Z'))).toEqual([]);
  });
});

describe('buildNewsSitemapXml', () => {
  const xml = buildNewsSitemapXml([nasty, japanese], SITE);
  const parsed = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: false, isArray: (n) => n === 'url' }).parse(xml);

  it('declares the sitemap and news namespaces', () => {
    expect(parsed.urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(parsed.urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
  });

  it('writes loc, publication name and language, publication date with offset and the exact title', () => {
    expect(parsed.urlset.url[0]).toEqual({
      loc: 'https://dateline.example/articles/nasty-headline/',
      'news:news': {
        'news:publication': { 'news:name': 'The Dateline', 'news:language': 'en' },
        'news:publication_date': '2016-11-21T09:00:00+08:00',
        'news:title': NASTY_HEADLINE,
      },
    });
  });

  it('uses the article’s own language when it has one', () => {
    expect(parsed.urlset.url[1]['news:news']['news:publication']['news:language']).toBe('ja');
  });

  it('is an empty urlset when there is nothing to list', () => {
    expect(buildNewsSitemapXml([], SITE)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"/>',
    );
  });

  it('validates with xmllint against the sitemaps.org XSD plus the Google News schema', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-news-'));
    try {
      const file = path.join(dir, 'news-sitemap.xml');
      fs.writeFileSync(file, buildNewsSitemapXml(selectNewsArticles(ARTICLES, NOW), SITE));
      const schema = path.resolve(import.meta.dirname, '..', 'schemas', 'news-sitemap.xsd');
      const result = spawnSync('xmllint', ['--noout', '--schema', schema, file], { encoding: 'utf8' });
      if (result.error) throw new Error(`cannot run xmllint (${result.error.message}): install Debian package libxml2-utils`);
      expect(result.stderr).toContain('validates');
      expect(result.status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

