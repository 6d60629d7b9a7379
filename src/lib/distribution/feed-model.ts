/**
 * The one feed model. Every feed Dateline publishes — the site, each topic, each author and
 * the corrections — is built here once as a {@link FeedModel}, then written out by three
 * serialisers: RSS 2.0 (`feed-rss.ts`, through @astrojs/rss), Atom 1.0 (`feed-atom.ts`) and
 * JSON Feed 1.1 (`feed-json.ts`). No serialiser decides what is in a feed or what a value
 * is; they only spell it.
 *
 * Ids (docs/adr/0006-feed-ids.md): an item's id is its permalink, which never changes when
 * the article is edited (docs/adr/0001-permalinks.md); a correction's id is the permalink
 * with `#correction-<n>`, n being its 1-based place in the article's chronological list.
 */
import { escape } from 'html-escaper';
import type { Article, AuthorRef, TopicRef } from '../content/article-model.ts';
import { lastModified } from '../content/article-model.ts';
import type { CorrectionEntry } from '../content/corrections.ts';
import { correctionLabel } from '../content/corrections.ts';
import { formatDateTime, toZonedIsoString, type DisplayOptions } from '../dates.ts';
import { absolutiseHtml } from './feed-content.ts';
import { renderCorrectionsHtml, renderSourceCreditHtml } from '../pages/article-notes.ts';
import { dirAttribute } from '../language.ts';
import { figureHtml, PICTURE_SIZES } from '../pictures/markup.ts';
import type { SiteConfig } from '../../site.config.ts';
import {
  absoluteUrl,
  articlePath,
  authorPath,
  correctionsPath,
  feedPath,
  homePath,
  sectionPath,
  topicPath,
  type FeedFormat,
} from '../urls.ts';

/** The site settings a feed reads (the whole `site` config satisfies it). */
export type FeedSite = Pick<
  SiteConfig,
  'name' | 'description' | 'url' | 'language' | 'timeZone' | 'timeZoneLabelLocale' | 'feedSize' | 'listingFeedSize' | 'logo' | 'smallLogo' | 'defaultImage'
> &
  Partial<Pick<SiteConfig, 'websubHub' | 'copyright' | 'feedGenerator' | 'feedTtlMinutes'>>;

/** What a feed follows: the whole site, one section, one topic, one author, or the corrections. */
export type FeedScope =
  | { kind: 'site' }
  | { kind: 'section'; section: { id: string; name: string; description: string } }
  | { kind: 'topic'; topic: TopicRef & { description?: string | undefined } }
  | { kind: 'author'; author: AuthorRef & { bio?: string | undefined } }
  | { kind: 'corrections' };

/** A person or organisation credited in a feed. */
export interface FeedPerson {
  name: string;
  /** Absolute URL of their page on the site. */
  url: string;
}

/** One entry of a feed, format-neutral. */
export interface FeedItem {
  /** Stable id; equal to {@link url} for every item Dateline publishes (an absolute URL). */
  id: string;
  /** Absolute URL of the item's page: the article's canonical URL, byte for byte. */
  url: string;
  /** Plain text: the headline exactly as the editor typed it. */
  title: string;
  /** Plain text: the standfirst (or the correction text). */
  summary: string;
  /** Full HTML content: every link and image URL absolute. */
  contentHtml: string;
  /** First publication (`publishedAt`; a correction's `at`). */
  published: Date;
  /** Last change ({@link lastModified}; a correction's `at`). */
  updated: Date;
  /** Named authors; empty means the publication itself (the feed's {@link FeedModel.publisher}). */
  authors: FeedPerson[];
  /** Topic names, primary first. */
  categories: string[];
  /** BCP 47 tag when the item is not in the feed's language. */
  language?: string | undefined;
  /**
   * The article's lead picture as one file (a JPEG, the format every reader shows): RSS
   * `enclosure` and `media:content`, Atom `link rel="enclosure"`, JSON Feed `image`.
   */
  image?: FeedImage | undefined;
}

/** A feed item's picture. */
export interface FeedImage {
  /** Absolute URL. */
  url: string;
  /** Exact length of the file in bytes (the enclosure length). */
  bytes: number;
  type: string;
  width: number;
  height: number;
  /** Alt text: `media:description`. */
  alt: string;
  /** Credit: `media:credit`. */
  credit?: string | undefined;
}

/** One feed, format-neutral. */
export interface FeedModel {
  scope: FeedScope['kind'];
  title: string;
  description: string;
  /** BCP 47 language of the feed (the site language). */
  language: string;
  /** IANA time zone that dates are written in (with their offset) where a format allows it. */
  timeZone: string;
  /** Absolute URL of the HTML page the feed follows (home, topic, author or corrections page). */
  homePageUrl: string;
  /** Absolute URL of this feed in each format (`rel="self"` and autodiscovery). */
  feedUrls: Record<FeedFormat, string>;
  /**
   * The newest change among the items — never the build time — so an unchanged site gives
   * byte-identical feeds. An empty feed uses the fallback its builder was given.
   */
  updated: Date;
  /** The publication: feed-level author of Atom and JSON Feed. */
  publisher: FeedPerson;
  /** Absolute URLs of the publication's images. */
  images: {
    /** Square, small (≤ 144 px): RSS `<image>`, Atom `<icon>`, JSON Feed `favicon`. */
    smallLogo: { url: string; width: number; height: number };
    /** Square, large: JSON Feed `icon`. */
    logo: { url: string; width: number; height: number };
    /** Wide (1200×630): Atom `<logo>`. */
    card: { url: string; width: number; height: number };
  };
  items: FeedItem[];
  /** WebSub hubs readers may subscribe through (site config `websubHub`); empty for none. */
  hubs: string[];
  /** Rights statement (site config `copyright`): RSS `<copyright>`. */
  copyright?: string | undefined;
  /** The program that wrote the feed (site config `feedGenerator`): RSS `<generator>`. */
  generator?: string | undefined;
  /** Minutes a reader may cache the feed (site config `feedTtlMinutes`): RSS `<ttl>`. */
  ttlMinutes?: number | undefined;
}

/** A feed autodiscovery link: `<link rel="alternate" type title href>`. */
export interface FeedLink {
  format: FeedFormat;
  /** MIME type of the format. */
  type: string;
  title: string;
  /** Absolute URL. */
  href: string;
}

/** MIME types for autodiscovery and `rel="self"` links. */
export const FEED_MEDIA_TYPES: Readonly<Record<FeedFormat, string>> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};

/** Human name of each format, used in link titles. */
const FORMAT_NAMES: Readonly<Record<FeedFormat, string>> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' };

const FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json'];

/**
 * The formats a feed with `itemCount` items is published in: all three, except that a feed
 * with no items has no Atom document. RFC 4287 allows an entry-less feed, but readers reject
 * it (@extractus/feed-extractor 8: "Unrecognized feed format"), so it is neither written nor
 * advertised until its first item (in practice: the corrections feed before the first
 * correction). RSS 2.0 and JSON Feed 1.1 without items are read everywhere.
 */
export function publishedFormats(itemCount: number): FeedFormat[] {
  return itemCount > 0 ? [...FORMATS] : FORMATS.filter((f) => f !== 'atom');
}

/** Root-relative URL of the first page of the listing a feed follows; its feeds sit beside it. */
export function feedListingPath(scope: FeedScope): string {
  switch (scope.kind) {
    case 'site':
      return homePath();
    case 'section':
      return sectionPath(scope.section.id);
    case 'topic':
      return topicPath(scope.topic.id);
    case 'author':
      return authorPath(scope.author.id);
    case 'corrections':
      return correctionsPath();
  }
}

/** Title of a feed: `The Dateline`, `The Dateline: Asia`, `The Dateline: Shinzo Abe`, `The Dateline: Corrections and clarifications`. */
export function feedTitle(scope: FeedScope, siteName: string): string {
  switch (scope.kind) {
    case 'site':
      return siteName;
    case 'section':
      return `${siteName}: ${scope.section.name}`;
    case 'topic':
      return `${siteName}: ${scope.topic.name}`;
    case 'author':
      return `${siteName}: ${scope.author.name}`;
    case 'corrections':
      return `${siteName}: Corrections and clarifications`;
  }
}

/** Description of a feed; topic and author feeds use the same text as their pages. */
export function feedDescription(scope: FeedScope, site: Pick<FeedSite, 'name' | 'description'>): string {
  switch (scope.kind) {
    case 'site':
      return site.description;
    case 'section':
      return scope.section.description;
    case 'topic':
      return scope.topic.description ?? `The latest ${site.name} stories on ${scope.topic.name}.`;
    case 'author':
      return scope.author.bio ?? `Stories by ${scope.author.name} in ${site.name}.`;
    case 'corrections':
      return `Every correction and clarification ${site.name} has published, newest first.`;
  }
}

/**
 * Autodiscovery links of a feed in its formats (default: all three), RSS first (the format
 * most readers pick when a page offers several). Pass `publishedFormats(itemCount)`.
 */
export function feedLinks(scope: FeedScope, site: Pick<FeedSite, 'name' | 'url'>, formats: readonly FeedFormat[] = FORMATS): FeedLink[] {
  const title = feedTitle(scope, site.name);
  return FORMATS.filter((f) => formats.includes(f)).map((format) => ({
    format,
    type: FEED_MEDIA_TYPES[format],
    title: `${title} (${FORMAT_NAMES[format]})`,
    href: absoluteUrl(feedPath(feedListingPath(scope), format), site.url),
  }));
}

function displayOptionsOf(site: FeedSite): DisplayOptions {
  return { timeZone: site.timeZone, locale: site.language, timeZoneLabelLocale: site.timeZoneLabelLocale };
}

function imageOf(image: FeedSite['logo'], siteUrl: string) {
  return { url: absoluteUrl(image.path, siteUrl), width: image.width, height: image.height };
}

function shell(scope: FeedScope, site: FeedSite, items: FeedItem[], fallbackUpdated: Date): FeedModel {
  const listing = feedListingPath(scope);
  const newest = items.reduce<number | null>((max, item) => Math.max(max ?? -Infinity, item.updated.getTime()), null);
  return {
    scope: scope.kind,
    title: feedTitle(scope, site.name),
    description: feedDescription(scope, site),
    language: site.language,
    timeZone: site.timeZone,
    homePageUrl: absoluteUrl(listing, site.url),
    feedUrls: {
      rss: absoluteUrl(feedPath(listing, 'rss'), site.url),
      atom: absoluteUrl(feedPath(listing, 'atom'), site.url),
      json: absoluteUrl(feedPath(listing, 'json'), site.url),
    },
    updated: newest === null ? fallbackUpdated : new Date(newest),
    publisher: { name: site.name, url: absoluteUrl(homePath(), site.url) },
    images: { smallLogo: imageOf(site.smallLogo, site.url), logo: imageOf(site.logo, site.url), card: imageOf(site.defaultImage, site.url) },
    items,
    hubs: site.websubHub ? [site.websubHub] : [],
    copyright: site.copyright,
    generator: site.feedGenerator,
    ttlMinutes: site.feedTtlMinutes,
  };
}

/**
 * The HTML appended to an article's body in feeds: its corrections (anchored like the page)
 * and the source attribution that an openly licensed text requires wherever it is shown.
 */
export function articleFooterHtml(article: Pick<Article, 'id' | 'corrections' | 'source'>, site: FeedSite): string {
  const articleUrl = absoluteUrl(articlePath(article.id), site.url);
  return renderCorrectionsHtml(article.corrections, { display: displayOptionsOf(site), articleUrl }) + (article.source ? renderSourceCreditHtml(article.source) : '');
}

/**
 * Feed formats have no direction field (Atom has `xml:lang` only), so content in a language
 * written the other way from the feed's is wrapped in `<div dir lang>` for readers that show HTML.
 */
function withDirection(html: string, lang: string | undefined, feedLanguage: string): string {
  const dir = dirAttribute(lang, feedLanguage);
  return dir ? `<div dir="${dir}" lang="${escape(lang!)}">${html}</div>` : html;
}

/**
 * The feed item of one article. `bodyHtml` is its rendered body with root-relative links.
 * An article with a lead picture starts its content with the picture's figure (caption and
 * credit, the same markup as the page) and carries the picture as the item's image: its
 * JPEG at 1,200 px (or its widest, when narrower).
 */
export function articleFeedItem(article: Article, bodyHtml: string, site: FeedSite): FeedItem {
  const url = absoluteUrl(articlePath(article.id), site.url);
  const picture = article.image;
  const lead = picture ? figureHtml(picture.full, { alt: picture.alt, caption: picture.caption, credit: picture.credit, sizes: PICTURE_SIZES.article, priority: 'lazy' }) : '';
  const file = picture ? (picture.full.jpeg.filter((f) => f.width <= 1200).pop() ?? picture.full.jpeg[0]!) : undefined;
  return {
    ...(picture && file ? { image: { url: absoluteUrl(file.path, site.url), bytes: file.bytes, type: file.type, width: file.width, height: file.height, alt: picture.alt, credit: picture.credit } } : {}),
    id: url,
    url,
    title: article.headline,
    summary: article.standfirst,
    contentHtml: withDirection(absolutiseHtml(lead + bodyHtml, url, article.filePath) + articleFooterHtml(article, site), article.lang, site.language),
    published: article.publishedAt,
    updated: lastModified(article),
    authors: article.authors.map((a) => ({ name: a.name, url: absoluteUrl(authorPath(a.id), site.url) })),
    categories: article.topics.map((t) => t.name),
    language: article.lang && article.lang !== site.language ? article.lang : undefined,
  };
}

/**
 * `updated` (RSS `lastBuildDate`, Atom `updated`) of a feed that has no items, such as the
 * corrections feed of a site without corrections: the first publication of the site's oldest
 * story (`articles`: the listable articles), or the epoch when there is none. Deterministic,
 * and it does not move when a story is added or updated, so an empty feed's bytes — and the
 * CDN change list — only change when the feed does.
 */
export function emptyFeedUpdated(articles: readonly Pick<Article, 'publishedAt'>[]): Date {
  const oldest = articles.reduce((min, a) => Math.min(min, a.publishedAt.getTime()), Infinity);
  return new Date(Number.isFinite(oldest) ? oldest : 0);
}

/** Options of {@link buildArticleFeed}. */
export interface ArticleFeedOptions {
  site: FeedSite;
  /** Rendered body HTML of an article (root-relative links allowed). */
  bodyOf: (article: Article) => string;
  /** `updated` of a feed with no items ({@link emptyFeedUpdated}). */
  fallbackUpdated: Date;
  /**
   * Items already built, by article id: an article appears in the site feed and in each of
   * its topic and author feeds, and its body is parsed once. Share one map per build only.
   */
  itemCache?: Map<string, FeedItem> | undefined;
}

/**
 * The feed of the site, a topic or an author: its newest articles — `site.feedSize` for the
 * site feed, `site.listingFeedSize` for topic and author feeds — newest first (as given:
 * `newestFirst` must already be sorted, as `getSiteIndex()` lists are).
 */
export function buildArticleFeed(scope: Exclude<FeedScope, { kind: 'corrections' }>, newestFirst: readonly Article[], options: ArticleFeedOptions): FeedModel {
  const { site, bodyOf, itemCache } = options;
  const itemOf = (a: Article): FeedItem => {
    const cached = itemCache?.get(a.id);
    if (cached) return cached;
    const item = articleFeedItem(a, bodyOf(a), site);
    itemCache?.set(a.id, item);
    return item;
  };
  const items = newestFirst.slice(0, feedSizeOf(scope, site)).map(itemOf);
  return shell(scope, options.site, items, options.fallbackUpdated);
}

/** How many items the feed of `scope` carries. */
export function feedSizeOf(scope: FeedScope, site: Pick<FeedSite, 'feedSize' | 'listingFeedSize'>): number {
  return scope.kind === 'topic' || scope.kind === 'author' ? site.listingFeedSize : site.feedSize;
}

/** The feed item of one correction: its own anchor on the article page is its URL and id. */
export function correctionFeedItem(entry: CorrectionEntry, site: FeedSite): FeedItem {
  const { article, correction } = entry;
  const articleUrl = absoluteUrl(articlePath(article.id), site.url);
  // `entry.path` is the anchor the article page renders: `/articles/<slug>/#correction-<n>`.
  const url = absoluteUrl(entry.path, site.url);
  const label = correctionLabel(correction.kind);
  const display = displayOptionsOf(site);
  const lang = article.lang && article.lang !== site.language ? ` lang="${escape(article.lang)}"` : '';
  return {
    id: url,
    url,
    title: `${label}: ${article.headline}`,
    summary: correction.text,
    contentHtml:
      `<p><strong>${label}</strong>, <time datetime="${toZonedIsoString(correction.at, site.timeZone)}">${escape(formatDateTime(correction.at, display))}</time>: ${escape(correction.text)}</p>` +
      `<p>Article: <a href="${escape(articleUrl)}"${lang}>${escape(article.headline)}</a></p>`,
    published: correction.at,
    updated: correction.at,
    authors: [],
    categories: [label],
  };
}

/**
 * The corrections feed: one item per correction or clarification, newest first, at most
 * `site.feedSize`. `entries` come from `listCorrections()` (already newest first).
 */
export function buildCorrectionsFeed(entries: readonly CorrectionEntry[], options: Omit<ArticleFeedOptions, 'bodyOf' | 'itemCache'>): FeedModel {
  const items = entries.slice(0, options.site.feedSize).map((e) => correctionFeedItem(e, options.site));
  return shell({ kind: 'corrections' }, options.site, items, options.fallbackUpdated);
}
