/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1) serialiser of the feed model.
 *
 * - top level: `version`, `title`, `home_page_url`, `feed_url`, `description`, `icon`
 *   (512 px logo), `favicon` (small logo), `language`, `authors` (the publication), `hubs`
 *   (`{ type: "WebSub", url }` per hub, only when there is one).
 * - item: `id` = permalink (stable, docs/adr/0006-feed-ids.md), `url`, `title`, `summary`
 *   = standfirst, `content_html` = body with absolute URLs, `date_published` /
 *   `date_modified` (RFC 3339 with the newsroom offset), `authors` (omitted when the item
 *   has no byline, so it inherits the publication), `tags` = topic names, `language`.
 */
import type { FeedModel } from './feed-model.ts';
import { toZonedIsoString } from '../dates.ts';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/** A JSON Feed 1.1 author object. */
export interface JsonFeedAuthor {
  name: string;
  url?: string;
  avatar?: string;
}

/** A JSON Feed 1.1 item, as Dateline writes it. */
export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  summary: string;
  content_html: string;
  /** The item's main picture (JSON Feed 1.1 `image`): absolute URL. */
  image?: string;
  date_published: string;
  date_modified: string;
  authors?: JsonFeedAuthor[];
  tags?: string[];
  language?: string;
}

/** A JSON Feed 1.1 document, as Dateline writes it. */
export interface JsonFeed {
  version: typeof JSON_FEED_VERSION;
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  icon: string;
  favicon: string;
  language: string;
  authors: JsonFeedAuthor[];
  hubs?: { type: 'WebSub'; url: string }[];
  items: JsonFeedItem[];
}

/** The JSON Feed 1.1 object of a feed model. */
export function buildJsonFeed(model: FeedModel): JsonFeed {
  const date = (d: Date) => toZonedIsoString(d, model.timeZone);
  return {
    version: JSON_FEED_VERSION,
    title: model.title,
    home_page_url: model.homePageUrl,
    feed_url: model.feedUrls.json,
    description: model.description,
    icon: model.images.logo.url,
    favicon: model.images.smallLogo.url,
    language: model.language,
    authors: [{ name: model.publisher.name, url: model.publisher.url }],
    ...(model.hubs.length ? { hubs: model.hubs.map((url) => ({ type: 'WebSub' as const, url })) } : {}),
    items: model.items.map((item) => ({
      id: item.id,
      url: item.url,
      title: item.title,
      summary: item.summary,
      content_html: item.contentHtml,
      ...(item.image ? { image: item.image.url } : {}),
      date_published: date(item.published),
      date_modified: date(item.updated),
      ...(item.authors.length ? { authors: item.authors.map((a) => ({ name: a.name, url: a.url })) } : {}),
      ...(item.categories.length ? { tags: item.categories } : {}),
      ...(item.language ? { language: item.language } : {}),
    })),
  };
}

/** The JSON text of a feed model: UTF-8, two-space indented, ending in a newline. */
export function buildJsonFeedText(model: FeedModel): string {
  return `${JSON.stringify(buildJsonFeed(model), null, 2)}\n`;
}
