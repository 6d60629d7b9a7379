/**
 * News sitemaps past 1,000 articles in the 48-hour window (issue "One content pipeline", 7):
 * Google takes 1,000 URLs per news sitemap, so the window is split into parts listed in a
 * news sitemap index. Used to drop the 1,001st article silently.
 */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildNewsSitemapIndexXml, buildNewsSitemapXml, planNewsSitemaps, selectNewsArticles } from '../../src/lib/distribution/news-sitemap.ts';
import { SITE } from './distribution-fixtures.ts';
import { makeArticle } from './make-article.ts';

const NOW = new Date('2026-03-04T10:00:00+08:00');
const articles = (n: number) =>
  Array.from({ length: n }, (_, i) => makeArticle({ id: `a-${String(i).padStart(4, '0')}`, publishedAt: new Date(NOW.getTime() - i * 60_000) }));
const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'url' || name === 'sitemap' });

describe('planNewsSitemaps', () => {
  it('keeps one news sitemap up to 1,000 articles', () => {
    const plan = planNewsSitemaps(selectNewsArticles(articles(1000), NOW));
    expect(plan.kind).toBe('single');
  });

  it('splits 2,345 articles into parts of 1,000, 1,000 and 345, newest first, losing none', () => {
    const plan = planNewsSitemaps(selectNewsArticles(articles(2345), NOW));
    if (plan.kind !== 'split') throw new Error('expected a split');
    expect(plan.parts.map((p) => p.length)).toEqual([1000, 1000, 345]);
    expect(plan.parts[0]![0]!.id).toBe('a-0000');
    expect(plan.parts[2]!.at(-1)!.id).toBe('a-2344');
    const urls = plan.parts.flatMap((part) => parser.parse(buildNewsSitemapXml(part, SITE)).urlset.url.map((u: { loc: string }) => u.loc));
    expect(new Set(urls).size).toBe(2345);
  });

  it('writes a sitemap index listing each part with its newest public time as lastmod', () => {
    const plan = planNewsSitemaps(selectNewsArticles(articles(1001), NOW));
    if (plan.kind !== 'split') throw new Error('expected a split');
    const index = parser.parse(buildNewsSitemapIndexXml(plan.parts, SITE)).sitemapindex;
    expect(index['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(index.sitemap).toEqual([
      { loc: `${SITE.url}/news-sitemap-1.xml`, lastmod: '2026-03-04T10:00:00+08:00' },
      { loc: `${SITE.url}/news-sitemap-2.xml`, lastmod: '2026-03-03T17:20:00+08:00' },
    ]);
  });
});
