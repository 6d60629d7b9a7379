import type { SitemapItem } from '@astrojs/sitemap';
import { toZonedIsoString } from './dates.ts';

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
