import type { SitemapItem } from '@astrojs/sitemap';
import { toZonedIsoString } from '../dates.ts';
import { sortNewestFirst } from '../content/article-model.ts';
import { paginate } from '../pages/pagination.ts';
import { absoluteUrl, authorPath, correctionsPath, homePath, topicPath, topicsIndexPath, authorsIndexPath } from '../urls.ts';

/**
 * Sitemap rules (sitemaps.org protocol): which built pages are listed and their `lastmod`.
 */

/** Pages that are not indexable and stay out of the sitemap: the 404 page. */
export function isIndexable(pageUrl: string, siteUrl: string): boolean {
  const path = new URL(pageUrl).pathname;
  return new URL(pageUrl).origin === new URL(siteUrl).origin && !/^\/404(\/|\.html)?$/.test(path);
}

/**
 * Add `lastmod` to an article URL's sitemap entry: its `updatedAt`, else `publishedAt`,
 * as a W3C Datetime with the newsroom offset (sitemaps.org: `lastmod` in W3C Datetime).
 * Other URLs are returned unchanged.
 *
 * @param lastModifiedByUrl - absolute article URL → last modification instant.
 */
export function withLastmod(item: SitemapItem, lastModifiedByUrl: ReadonlyMap<string, Date>, timeZone: string): SitemapItem {
  const when = lastModifiedByUrl.get(item.url);
  return when ? { ...item, lastmod: toZonedIsoString(when, timeZone) } : item;
}

/**
 * Add Google image sitemap entries (`<image:image><image:loc>`) to an article URL's entry:
 * the absolute URLs of its lead picture and body pictures (the largest JPEG of each, the
 * picture at its best), in page order. Google: `image:loc` is the only tag it reads (the
 * others are deprecated), at most 1,000 images per page
 * (https://developers.google.com/search/docs/crawling-indexing/sitemaps/image-sitemaps).
 * Other URLs are returned unchanged.
 *
 * @param imagesByUrl - absolute article URL → absolute image URLs.
 */
export function withImages(item: SitemapItem, imagesByUrl: ReadonlyMap<string, readonly string[]>): SitemapItem {
  const images = imagesByUrl.get(item.url);
  if (!images?.length) return item;
  // @astrojs/sitemap passes `img` through to the sitemap writer, which spells it image:image.
  return { ...item, img: images.slice(0, 1000).map((url) => ({ url })) } as SitemapItem;
}

/** What {@link buildListingLastmods} needs of a published article. */
export interface ListedArticle {
  id: string;
  publishedAt: Date;
  /** `lastModified(article)`: newest of publishedAt, updatedAt and corrections. */
  lastModified: Date;
  topicIds: readonly string[];
  authorIds: readonly string[];
  /** When each correction was made. */
  correctionTimes: readonly Date[];
}

/**
 * `lastmod` of every listing page: each page of the home, topic and author listings gets
 * the newest `lastModified` among the articles it lists (paginated exactly as the pages
 * are: newest first, `pageSize` per page); the topics and authors indexes get the newest
 * change on the site, and the corrections page its newest correction.
 *
 * @param published - published articles only (only they have pages).
 * @returns absolute URL → instant, keyed like the sitemap's `url`s.
 */
export function buildListingLastmods(published: readonly ListedArticle[], siteUrl: string, pageSize: number): Map<string, Date> {
  const out = new Map<string, Date>();
  const addPages = (list: readonly ListedArticle[], pathOf: (n: number) => string) => {
    for (const page of paginate(sortNewestFirst(list), pageSize)) {
      if (page.items.length === 0) continue;
      out.set(absoluteUrl(pathOf(page.number), siteUrl), newest(page.items.map((a) => a.lastModified)));
    }
  };
  if (published.length === 0) return out;
  addPages(published, homePath);
  const byKey = (keys: (a: ListedArticle) => readonly string[]) => {
    const groups = new Map<string, ListedArticle[]>();
    for (const a of published) for (const k of keys(a)) groups.set(k, [...(groups.get(k) ?? []), a]);
    return groups;
  };
  for (const [id, list] of byKey((a) => a.topicIds)) addPages(list, (n) => topicPath(id, n));
  for (const [id, list] of byKey((a) => a.authorIds)) addPages(list, (n) => authorPath(id, n));
  const siteNewest = newest(published.map((a) => a.lastModified));
  out.set(absoluteUrl(topicsIndexPath(), siteUrl), siteNewest);
  out.set(absoluteUrl(authorsIndexPath(), siteUrl), siteNewest);
  const corrections = published.flatMap((a) => a.correctionTimes);
  if (corrections.length) out.set(absoluteUrl(correctionsPath(), siteUrl), newest(corrections));
  return out;
}

function newest(dates: readonly Date[]): Date {
  return new Date(Math.max(...dates.map((d) => d.getTime())));
}
