/**
 * Social and discovery tags of a page's `<head>`, built as data (rendered by
 * `src/components/HeadTags.astro`): Open Graph, Twitter/X cards and feed autodiscovery.
 *
 * - `og:url` is the canonical URL byte for byte; `og:image` is absolute.
 * - Articles: `og:type` `article` with `article:published_time` / `article:modified_time`
 *   (RFC 3339 with the newsroom offset, the same strings as `<time datetime>` and JSON-LD),
 *   `article:section` (primary topic) and one `article:tag` per topic.
 * - Every other page: `og:type` `website`.
 * - X cards: `twitter:site` from the site config, `twitter:creator` on articles whose byline
 *   has an author with an X handle (the first such author: a card names one creator).
 * - Feeds: a page's own feeds (topic, author, corrections) come before the site feeds, so
 *   discovery tools that take the first link offer the feed of what the reader is looking at.
 */
import type { FeedLink } from '../distribution/feed-model.ts';

/** One `<meta>` or `<link>` element: its attributes in output order. */
export interface HeadTag {
  tag: 'meta' | 'link';
  attrs: Record<string, string>;
}

/** An image for social cards. */
export interface SocialImage {
  /** Absolute URL. */
  url: string;
  width: number;
  height: number;
  alt: string;
  /** MIME type, e.g. `image/png`. */
  type?: string | undefined;
}

/** What an article adds to its social tags. */
export interface ArticleSocialMeta {
  /** `toZonedIsoString(publishedAt)`. */
  publishedTime: string;
  /** `toZonedIsoString(lastModified(article))`. */
  modifiedTime: string;
  /** Primary topic name. */
  section: string;
  /** Every topic name. */
  tags: string[];
  /** Absolute URLs of the author pages. */
  authorUrls: string[];
  /** X handle of the first byline author who has one: `twitter:creator`. */
  twitterCreator?: string | undefined;
}

/** Everything {@link buildHeadTags} needs, with URLs already absolute. */
export interface HeadInput {
  siteName: string;
  /** The page's canonical URL (also `og:url`). */
  canonical: string;
  /** Title without the publication name (the headline on articles). */
  title: string;
  description: string;
  /** BCP 47 language of the page content, e.g. `en-GB` or an article's `ja`. */
  language: string;
  image: SocialImage;
  /** Present on article pages: `og:type` becomes `article`. */
  article?: ArticleSocialMeta | undefined;
  /** Feed autodiscovery links, in order: the page's own feeds first, then the site feeds. */
  feeds: readonly FeedLink[];
  /** The publication's X handle (site config `twitterSite`): `twitter:site`. */
  twitterSite?: string | undefined;
}

/**
 * Open Graph locale (`language_TERRITORY`) of a BCP 47 tag, adding the likely territory
 * when the tag has none: `en-GB` → `en_GB`, `ja` → `ja_JP`. Unknown tags give `en_GB`'s
 * shape where possible, else the language alone.
 */
export function toOpenGraphLocale(tag: string): string {
  let result = ogLocales.get(tag);
  if (result === undefined) {
    try {
      const locale = new Intl.Locale(tag).maximize();
      result = locale.region ? `${locale.language}_${locale.region}` : locale.language;
    } catch {
      result = tag.replace('-', '_');
    }
    ogLocales.set(tag, result);
  }
  return result;
}
/** `Intl.Locale#maximize` loads likely-subtags data; every page asks for the same few tags. */
const ogLocales = new Map<string, string>();

/** MIME type of an image URL from its extension, for `og:image:type`. */
export function imageTypeOf(url: string): string | undefined {
  const ext = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(new URL(url).pathname)?.[1]?.toLowerCase();
  return ext ? ({ png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp', gif: 'image/gif', avif: 'image/avif' } as Record<string, string>)[ext] : undefined;
}

const meta = (key: 'property' | 'name', name: string, content: string): HeadTag => ({ tag: 'meta', attrs: { [key]: name, content } });

/**
 * The social and autodiscovery tags of one page, in a stable order.
 * @throws {TypeError} if the canonical or image URL is not absolute.
 */
export function buildHeadTags(input: HeadInput): HeadTag[] {
  for (const [what, url] of [['canonical', input.canonical], ['image', input.image.url]] as const) {
    if (!/^https?:\/\//.test(url)) throw new TypeError(`${what} URL must be absolute, got "${url}"`);
  }
  const og = (name: string, content: string) => meta('property', name, content);
  const tags: HeadTag[] = [
    og('og:site_name', input.siteName),
    og('og:type', input.article ? 'article' : 'website'),
    og('og:title', input.title),
    og('og:description', input.description),
    og('og:url', input.canonical),
    og('og:locale', toOpenGraphLocale(input.language)),
    og('og:image', input.image.url),
  ];
  const type = input.image.type ?? imageTypeOf(input.image.url);
  if (type) tags.push(og('og:image:type', type));
  tags.push(
    og('og:image:width', String(input.image.width)),
    og('og:image:height', String(input.image.height)),
    og('og:image:alt', input.image.alt),
  );
  if (input.article) {
    const a = input.article;
    tags.push(og('article:published_time', a.publishedTime), og('article:modified_time', a.modifiedTime), og('article:section', a.section));
    for (const url of a.authorUrls) tags.push(og('article:author', url));
    for (const tag of a.tags) tags.push(og('article:tag', tag));
  }
  const tw = (name: string, content: string) => meta('name', name, content);
  tags.push(tw('twitter:card', 'summary_large_image'));
  if (input.twitterSite) tags.push(tw('twitter:site', input.twitterSite));
  if (input.article?.twitterCreator) tags.push(tw('twitter:creator', input.article.twitterCreator));
  tags.push(
    tw('twitter:title', input.title),
    tw('twitter:description', input.description),
    tw('twitter:image', input.image.url),
    tw('twitter:image:alt', input.image.alt),
  );
  for (const feed of input.feeds) tags.push({ tag: 'link', attrs: { rel: 'alternate', type: feed.type, title: feed.title, href: feed.href } });
  return tags;
}

/**
 * What a page adds to the default head of `BaseLayout` (which always has the site feeds
 * and the default social card).
 */
export interface PageHead {
  /** Article pages: `og:type` article and the `article:*` tags. */
  article?: ArticleSocialMeta | undefined;
  /** Language of the page content when not the site language (an article's `lang`). */
  language?: string | undefined;
  /** Feeds of this page beyond the site feeds (topic, author, corrections); listed before them. */
  feeds?: readonly FeedLink[] | undefined;
  /** JSON-LD documents, one `<script type="application/ld+json">` each. */
  jsonLd?: readonly unknown[] | undefined;
  /** An image of the page's own; default: the publication card. */
  image?: SocialImage | undefined;
}
