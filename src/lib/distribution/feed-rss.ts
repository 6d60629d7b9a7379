/**
 * RSS 2.0 serialiser of the feed model, through @astrojs/rss (the stack's RSS library).
 *
 * - item `title` = headline, `description` = standfirst as HTML (readers treat RSS
 *   descriptions as HTML, so `&`, `<` and `>` are escaped first: `<b>` typed in a
 *   standfirst shows as text, not as a tag), `content:encoded` =
 *   full body HTML with absolute URLs, `link` = canonical URL, `guid isPermaLink="true"` =
 *   the same URL (the library always writes the link as the guid; our ids are permalinks,
 *   docs/adr/0006-feed-ids.md), `pubDate` = first publication (RFC 822, GMT),
 *   `atom:updated` = last change (RFC 3339 with the newsroom offset), one `category` per
 *   topic, `dc:creator` per author (RSS `<author>` must be an e-mail address).
 * - channel: `description` as HTML (escaped first, like item descriptions), `language`, `copyright`, `lastBuildDate` (newest change among the items),
 *   `generator`, `ttl` (minutes), `atom:link rel="self"`, one `atom:link rel="hub"` per WebSub
 *   hub (WebSub §4: RSS feeds use Atom link elements), `image` (small logo) and an
 *   `xml-stylesheet` for browsers.
 *
 * Exactness: @astrojs/rss re-parses `customData` with fast-xml-parser, which turns
 * number-like text into numbers (`007` → `7`) and leaves `&#39;` double-escaped. So every
 * text we pass through `customData` goes in as an opaque token and is put back, escaped by
 * the XML builder, after the library has written the document.
 */
import { getRssString, type RSSFeedItem } from '@astrojs/rss';
import type { FeedModel } from './feed-model.ts';
import { toZonedIsoString } from '../dates.ts';
import { escapeXmlText } from './xml.ts';

/** XML namespaces used beyond RSS 2.0 (`content:` is added by the library when needed). */
export const RSS_NAMESPACES = {
  dc: 'http://purl.org/dc/elements/1.1/',
  atom: 'http://www.w3.org/2005/Atom',
  media: 'http://search.yahoo.com/mrss/',
} as const;

/** Options of {@link buildRssXml}. */
export interface RssOptions {
  /** Root-relative URL of an XSL stylesheet for browsers, e.g. `/feed.xsl`. */
  stylesheet?: string | undefined;
}

/** Thrown when a model cannot be written as RSS by the library. */
export class RssModelError extends Error {
  override name = 'RssModelError';
}

/** Opaque, number-free placeholders for text that must bypass the library's re-parsing. */
class Tokens {
  readonly #values: string[] = [];
  /** A token standing for `text`, escaped for XML character data. */
  text(text: string): string {
    this.#values.push(escapeXmlText(text));
    return `DATELINExTOKENx${this.#values.length - 1}xEND`;
  }
  /** Put the escaped values back in one pass; each token must appear exactly once. */
  restore(xml: string): string {
    const seen = new Array<number>(this.#values.length).fill(0);
    const out = xml.replace(/DATELINExTOKENx(\d+)xEND/g, (_, n: string) => {
      const i = Number(n);
      if (i >= seen.length) throw new RssModelError(`RSS output holds unknown placeholder ${i}`);
      seen[i] = (seen[i] ?? 0) + 1;
      return this.#values[i] ?? '';
    });
    const wrong = seen.findIndex((count) => count !== 1);
    if (wrong !== -1) throw new RssModelError(`RSS output holds placeholder ${wrong} ${seen[wrong]} times (expected once)`);
    return out;
  }
}

/** Plain text as HTML text: `&`, `<` and `>` escaped (quotes need no escaping outside attributes). */
export function textAsHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Item fields for @astrojs/rss (with tokens in `customData`). */
function rssItems(model: FeedModel, tokens: Tokens): RSSFeedItem[] {
  return model.items.map((item) => {
    if (item.id !== item.url) {
      throw new RssModelError(`item ${item.id}: RSS guid would be ${item.url}; @astrojs/rss only writes permalink guids (see docs/adr/0006-feed-ids.md)`);
    }
    const creators = item.authors.map((a) => `<dc:creator>${tokens.text(a.name)}</dc:creator>`).join('');
    // Media RSS (https://www.rssboard.org/media-rss): the picture with its size, alt text and credit.
    const image = item.image;
    const media = image
      ? `<media:content url="${tokens.text(image.url)}" type="${image.type}" medium="image" fileSize="${image.bytes}" width="${image.width}" height="${image.height}">` +
        `<media:description type="plain">${tokens.text(image.alt)}</media:description>` +
        (image.credit ? `<media:credit role="photographer">${tokens.text(image.credit)}</media:credit>` : '') +
        '</media:content>'
      : '';
    return {
      ...(image ? { enclosure: { url: image.url, length: image.bytes, type: image.type } } : {}),
      title: item.title,
      description: textAsHtml(item.summary),
      link: item.url,
      pubDate: item.published,
      content: item.contentHtml,
      categories: item.categories,
      customData: `${creators}<atom:updated>${toZonedIsoString(item.updated, model.timeZone)}</atom:updated>${media}`,
    };
  });
}

/** The RSS 2.0 document of a feed model. */
export async function buildRssXml(model: FeedModel, options: RssOptions = {}): Promise<string> {
  const tokens = new Tokens();
  const { smallLogo } = model.images;
  const channelData = [
    `<language>${tokens.text(model.language)}</language>`,
    ...(model.copyright ? [`<copyright>${tokens.text(model.copyright)}</copyright>`] : []),
    `<lastBuildDate>${model.updated.toUTCString()}</lastBuildDate>`,
    ...(model.generator ? [`<generator>${tokens.text(model.generator)}</generator>`] : []),
    ...(model.ttlMinutes ? [`<ttl>${model.ttlMinutes}</ttl>`] : []),
    `<atom:link href="${tokens.text(model.feedUrls.rss)}" rel="self" type="application/rss+xml"/>`,
    ...model.hubs.map((hub) => `<atom:link href="${tokens.text(hub)}" rel="hub"/>`),
    `<image><url>${tokens.text(smallLogo.url)}</url><title>${tokens.text(model.title)}</title><link>${tokens.text(model.homePageUrl)}</link>` +
      `<width>${smallLogo.width}</width><height>${smallLogo.height}</height></image>`,
  ].join('');
  const xml = await getRssString({
    title: model.title,
    // Readers treat the channel description as HTML too: a topic description or author bio
    // that mentions `<b>` must show as text, as item descriptions do.
    description: textAsHtml(model.description),
    site: model.homePageUrl,
    items: rssItems(model, tokens),
    xmlns: { ...RSS_NAMESPACES },
    customData: channelData,
    ...(options.stylesheet ? { stylesheet: options.stylesheet } : {}),
  });
  return tokens.restore(xml);
}
