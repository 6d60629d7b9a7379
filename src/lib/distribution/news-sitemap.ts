/**
 * The Google News sitemap (`/news-sitemap.xml`): the sitemaps.org `urlset` with Google's
 * `news:` extension (https://www.google.com/schemas/sitemap-news/0.9).
 *
 * - Only articles published in the 48 hours before the build clock, newest first; older
 *   articles stay in the ordinary sitemap. Google takes at most 1,000 URLs per news
 *   sitemap: past that the window is split into `/news-sitemap-<n>.xml` parts of 1,000,
 *   and `/news-sitemap.xml` becomes a `sitemapindex` listing them ({@link planNewsSitemaps}).
 * - `news:publication`: `news:name` = the site name, `news:language` = the article's
 *   language as Google wants it (ISO 639: `en`, `ja`; Chinese as `zh-cn` / `zh-tw`).
 * - `news:publication_date` = `publishedAt` in the newsroom time zone with its offset.
 * - `news:title` = the headline exactly (escaped by the XML builder).
 * - With nothing new in the window the file is an empty `<urlset/>`: well-formed, and
 *   accepted by Google (the sitemaps.org XSD wants at least one `url`; see docs/distribution.md).
 */
import type { Article } from '../content/article-model.ts';
import { toZonedIsoString } from '../dates.ts';
import { absoluteUrl, articlePath, newsSitemapPath } from '../urls.ts';
import { buildXml, XML_DECLARATION, type XmlNode } from './xml.ts';

export const SITEMAP_NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';
export const NEWS_NAMESPACE = 'http://www.google.com/schemas/sitemap-news/0.9';

/** Google News: only articles published in the last two days. */
export const NEWS_WINDOW_HOURS = 48;
/** Google News: at most 1,000 `url`s per news sitemap. */
export const NEWS_MAX_URLS = 1000;

/**
 * The language code Google News wants for a BCP 47 tag: the ISO 639 language subtag in
 * lower case (`en-GB` → `en`, `ja` → `ja`), except Chinese, which Google names by script:
 * `zh-cn` (Simplified: `zh`, `zh-CN`, `zh-Hans`, `zh-SG`) or `zh-tw` (Traditional:
 * `zh-TW`, `zh-HK`, `zh-MO`, `zh-Hant`).
 */
export function toNewsLanguage(tag: string): string {
  const parts = tag.toLowerCase().split('-');
  const language = parts[0] ?? tag.toLowerCase();
  if (language !== 'zh') return language;
  const traditional = parts.some((p) => p === 'hant' || p === 'tw' || p === 'hk' || p === 'mo');
  return traditional ? 'zh-tw' : 'zh-cn';
}

/**
 * The articles the news sitemaps list at instant `now`: published (public time) in the
 * closed window [`now` − 48 h, `now`], newest first (ties by id), at most `limit`.
 */
export function selectNewsArticles<T extends Pick<Article, 'id' | 'publishedAt'>>(articles: readonly T[], now: Date, limit = Infinity): T[] {
  const end = now.getTime();
  const start = end - NEWS_WINDOW_HOURS * 3_600_000;
  return articles
    .filter((a) => a.publishedAt.getTime() >= start && a.publishedAt.getTime() <= end)
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || a.id.localeCompare(b.id))
    .slice(0, limit);
}

/** Site settings the news sitemap reads. */
export interface NewsSitemapSite {
  name: string;
  url: string;
  language: string;
  timeZone: string;
}

/**
 * The news sitemap XML for the given articles (already selected: see {@link selectNewsArticles}).
 */
export function buildNewsSitemapXml(articles: readonly Pick<Article, 'id' | 'headline' | 'publishedAt' | 'lang'>[], site: NewsSitemapSite): string {
  const urls: XmlNode[] = articles.map((a) => ({
    loc: absoluteUrl(articlePath(a.id), site.url),
    'news:news': {
      'news:publication': { 'news:name': site.name, 'news:language': toNewsLanguage(a.lang ?? site.language) },
      'news:publication_date': toZonedIsoString(a.publishedAt, site.timeZone),
      'news:title': a.headline,
    },
  }));
  return buildXml({
    '?xml': XML_DECLARATION,
    urlset: { '@_xmlns': SITEMAP_NAMESPACE, '@_xmlns:news': NEWS_NAMESPACE, ...(urls.length ? { url: urls } : {}) },
  });
}

/** What to write for the news sitemaps of one build. */
export type NewsSitemapPlan =
  | { kind: 'single'; articles: readonly NewsArticleLike[] }
  | { kind: 'split'; parts: readonly (readonly NewsArticleLike[])[] };

type NewsArticleLike = Pick<Article, 'id' | 'headline' | 'publishedAt' | 'lang'>;

/**
 * Split the selected articles into news sitemaps of at most `max` URLs: one `urlset` when
 * they fit, else parts of `max` in order (part 1 holds the newest).
 */
export function planNewsSitemaps(selected: readonly NewsArticleLike[], max = NEWS_MAX_URLS): NewsSitemapPlan {
  if (selected.length <= max) return { kind: 'single', articles: selected };
  const parts: NewsArticleLike[][] = [];
  for (let i = 0; i < selected.length; i += max) parts.push(selected.slice(i, i + max));
  return { kind: 'split', parts };
}

/**
 * The news sitemap index (sitemaps.org `sitemapindex`) listing parts `1…count`, each with
 * `lastmod` = the newest public time in it.
 */
export function buildNewsSitemapIndexXml(parts: readonly (readonly NewsArticleLike[])[], site: NewsSitemapSite): string {
  return buildXml({
    '?xml': XML_DECLARATION,
    sitemapindex: {
      '@_xmlns': SITEMAP_NAMESPACE,
      sitemap: parts.map((part, i) => ({
        loc: absoluteUrl(newsSitemapPath(i + 1), site.url),
        lastmod: toZonedIsoString(part[0]!.publishedAt, site.timeZone),
      })),
    },
  });
}
