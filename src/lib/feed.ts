import { escapeXmlText } from './xml.ts';
import type { RSSFeedItem } from '@astrojs/rss';
import type { Article } from './article-model.ts';
import { lastModified } from './article-model.ts';
import { formatByline } from './byline.ts';
import { absoluteUrl, articlePath } from './urls.ts';

/** XML namespaces the feed uses beyond RSS 2.0: `dc:creator` (Dublin Core) and `atom:link`. */
export const FEED_NAMESPACES = {
  dc: 'http://purl.org/dc/elements/1.1/',
  atom: 'http://www.w3.org/2005/Atom',
} as const;

/**
 * RSS 2.0 items (no full content) for the newest `size` articles, newest first.
 *
 * Superseded for the published feeds by the feed model (`feed-model.ts` → `feed-rss.ts`),
 * which adds full content and keeps number-like author names exact; kept for callers
 * that only need plain items.
 *
 * - `title` = headline, `description` = standfirst (plain text; the RSS library escapes it)
 * - `link` = absolute canonical URL; the library also emits it as `<guid isPermaLink="true">`,
 *   stable because permalinks never change when an article is edited
 * - `pubDate` = `publishedAt` (RSS 2.0 §"Elements of <item>": RFC 822 date, written in GMT)
 * - one `category` per topic name
 * - byline as `<dc:creator>`: RSS `<author>` must be an e-mail address, which we do not publish
 *
 * @param newestFirst - published articles sorted newest first.
 * @param size - maximum number of items (site `feedSize`).
 * @param siteUrl - site origin without trailing slash.
 */
export function buildFeedItems(newestFirst: readonly Article[], size: number, siteUrl: string): RSSFeedItem[] {
  return newestFirst.slice(0, size).map((article) => {
    const byline = formatByline(article.authors);
    const item: RSSFeedItem = {
      title: article.headline,
      description: article.standfirst,
      link: absoluteUrl(articlePath(article.id), siteUrl),
      pubDate: article.publishedAt,
      categories: article.topics.map((t) => t.name),
    };
    if (byline) item.customData = `<dc:creator>${escapeXmlText(byline)}</dc:creator>`;
    return item;
  });
}

/**
 * Channel `lastBuildDate`: the newest change among the feed's items (RSS 2.0: "the last
 * time the content of the channel changed"), so an unchanged site gives a byte-identical
 * feed. Falls back to `fallback` for an empty feed.
 */
export function feedLastChanged(newestFirst: readonly Article[], size: number, fallback: Date): Date {
  const times = newestFirst.slice(0, size).map((a) => lastModified(a).getTime());
  return times.length ? new Date(Math.max(...times)) : fallback;
}
