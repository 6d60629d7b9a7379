/**
 * schema.org JSON-LD of Dateline's pages, typed with `schema-dts`, and its safe
 * serialisation into `<script type="application/ld+json">`.
 *
 * - Article pages: one `NewsArticle` (Google "Article" structured data).
 * - Home: `WebSite` and the publisher (`NewsMediaOrganization`).
 * - Topic pages: `CollectionPage` + `BreadcrumbList`; author pages: `ProfilePage` +
 *   `BreadcrumbList`.
 *
 * Dates are `toZonedIsoString` strings — the same as `<time datetime>`, `article:*_time`
 * and the feeds — from `publishedAt` and `lastModified(article)`; URLs come from `urls.ts`
 * via `absoluteUrl`, so every one equals the page's canonical link byte for byte.
 */
import type {
  BreadcrumbList,
  CollectionPage,
  CorrectionComment,
  ImageObject,
  NewsArticle,
  NewsMediaOrganization,
  Organization,
  Person,
  ProfilePage,
  WebSite,
  WithContext,
} from 'schema-dts';
import type { Article, AuthorRef, TopicRef } from '../content/article-model.ts';
import { lastModified } from '../content/article-model.ts';
import { correctionAnchor } from '../content/corrections.ts';
import { toZonedIsoString } from '../dates.ts';
import { structuredImagesOf } from '../pages/lead-visual.ts';
import type { SiteConfig, SiteImage } from '../../site.config.ts';
import { absoluteUrl, articlePath, authorPath, homePath, sectionPath, topicPath, topicsIndexPath, authorsIndexPath } from '../urls.ts';

/** The site settings structured data reads (the whole `site` config satisfies it). */
export type StructuredDataSite = Pick<SiteConfig, 'name' | 'description' | 'url' | 'language' | 'timeZone' | 'logo' | 'defaultImage'>;

/** Any JSON-LD document we emit. */
export type JsonLd = WithContext<NewsArticle | WebSite | NewsMediaOrganization | CollectionPage | ProfilePage | BreadcrumbList>;

const CONTEXT = 'https://schema.org' as const;

/** A schema-dts node type without its bare-string (URL reference) form. */
type Node<T> = Exclude<T, string>;

/** `@id` of the publisher node: the home page URL with `#publisher`. */
export function publisherId(siteUrl: string): string {
  return `${absoluteUrl(homePath(), siteUrl)}#publisher`;
}

/** `@id` of the website node: the home page URL with `#website`. */
export function websiteId(siteUrl: string): string {
  return `${absoluteUrl(homePath(), siteUrl)}#website`;
}

function imageObject(image: SiteImage, siteUrl: string): ImageObject {
  return { '@type': 'ImageObject', url: absoluteUrl(image.path, siteUrl), width: `${image.width}`, height: `${image.height}` };
}

/** The publication as a `NewsMediaOrganization`: name, URL and logo. */
export function buildPublisher(site: StructuredDataSite): Node<NewsMediaOrganization> {
  return {
    '@type': 'NewsMediaOrganization',
    '@id': publisherId(site.url),
    name: site.name,
    url: absoluteUrl(homePath(), site.url),
    logo: imageObject(site.logo, site.url),
  };
}

function authorPerson(author: AuthorRef, siteUrl: string): Node<Person> {
  return { '@type': 'Person', name: author.name, url: absoluteUrl(authorPath(author.id), siteUrl) };
}

/**
 * The `NewsArticle` of an article page. Authors are `Person`s linking to their author
 * pages; an article without a byline is credited to the publisher `Organization`.
 * `image`: the article's lead visual (`structuredImagesOf`): a photo as three 1,200 px wide
 * crops (16:9, 4:3, 1:1; Google's Article structured data asks for those ratios, at least
 * 50,000 pixels, and Discover for 1,200 px), else its locator map's 1200×630 PNG (the same
 * image as `og:image`), else the publication's default card.
 */
export function buildNewsArticle(article: Article, site: StructuredDataSite): WithContext<NewsArticle> {
  const url = absoluteUrl(articlePath(article.id), site.url);
  const publisher = buildPublisher(site);
  const images = structuredImagesOf(article);
  const authors: (Person | Organization)[] = article.authors.length
    ? article.authors.map((a) => authorPerson(a, site.url))
    : [{ '@type': 'Organization', '@id': publisherId(site.url), name: site.name, url: absoluteUrl(homePath(), site.url) }];
  const corrections: CorrectionComment[] = article.corrections.map((c, i) => ({
    '@type': 'CorrectionComment',
    text: c.text,
    datePublished: toZonedIsoString(c.at, site.timeZone),
    url: `${url}#${correctionAnchor(i + 1)}`,
  }));
  const data: WithContext<NewsArticle> = {
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    '@id': `${url}#article`,
    headline: article.headline,
    description: article.standfirst,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    datePublished: toZonedIsoString(article.publishedAt, site.timeZone),
    dateModified: toZonedIsoString(lastModified(article), site.timeZone),
    author: authors,
    publisher,
    image: images.length
      ? images.map((i): ImageObject => ({ '@type': 'ImageObject', url: absoluteUrl(i.path, site.url), width: `${i.width}`, height: `${i.height}` }))
      : [imageObject(site.defaultImage, site.url)],
    articleSection: article.topics[0]?.name ?? '',
    keywords: article.topics.map((t) => t.name),
    inLanguage: article.lang ?? site.language,
    isAccessibleForFree: true,
  };
  if (article.dateline) data.dateline = article.dateline;
  if (article.source) {
    data.isBasedOn = {
      '@type': 'CreativeWork',
      ...(article.source.url ? { url: article.source.url } : {}),
      publisher: { '@type': 'Organization', name: article.source.name },
      ...(article.source.licenseUrl ? { license: article.source.licenseUrl } : {}),
    };
    if (article.source.url) data.citation = article.source.url;
    if (article.source.licenseUrl) data.license = article.source.licenseUrl;
  }
  if (corrections.length) data.correction = corrections;
  return data;
}

/** The home page's `WebSite` node (its publisher referenced by `@id`). */
export function buildWebSite(site: StructuredDataSite): WithContext<WebSite> {
  return {
    '@context': CONTEXT,
    '@type': 'WebSite',
    '@id': websiteId(site.url),
    name: site.name,
    description: site.description,
    url: absoluteUrl(homePath(), site.url),
    inLanguage: site.language,
    publisher: { '@id': publisherId(site.url) },
  };
}

/** The home page's publisher node, with `@context`. */
export function buildPublisherDocument(site: StructuredDataSite): WithContext<NewsMediaOrganization> {
  return { '@context': CONTEXT, ...buildPublisher(site) };
}

/** One step of a breadcrumb trail. */
export interface Crumb {
  name: string;
  /** Absolute URL. */
  url: string;
}

/** A `BreadcrumbList` from the home page down to the current page (positions from 1). */
export function buildBreadcrumbList(crumbs: readonly Crumb[]): WithContext<BreadcrumbList> {
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: c.url })),
  };
}

/**
 * Home › section › topic name when the topic belongs to a section, else Home › Topics ›
 * topic name. `section` is `{ id, name }` of the topic's section (src/lib/sections.ts).
 */
export function topicCrumbs(topic: TopicRef, site: StructuredDataSite, section?: { id: string; name: string }): Crumb[] {
  return [
    { name: site.name, url: absoluteUrl(homePath(), site.url) },
    section ? { name: section.name, url: absoluteUrl(sectionPath(section.id), site.url) } : { name: 'Topics', url: absoluteUrl(topicsIndexPath(), site.url) },
    { name: topic.name, url: absoluteUrl(topicPath(topic.id), site.url) },
  ];
}

/** Home › section name. */
export function sectionCrumbs(section: { id: string; name: string }, site: StructuredDataSite): Crumb[] {
  return [
    { name: site.name, url: absoluteUrl(homePath(), site.url) },
    { name: section.name, url: absoluteUrl(sectionPath(section.id), site.url) },
  ];
}

/** Home › Authors › author name. */
export function authorCrumbs(author: AuthorRef, site: StructuredDataSite): Crumb[] {
  return [
    { name: site.name, url: absoluteUrl(homePath(), site.url) },
    { name: 'Authors', url: absoluteUrl(authorsIndexPath(), site.url) },
    { name: author.name, url: absoluteUrl(authorPath(author.id), site.url) },
  ];
}

/**
 * A topic listing page as a `CollectionPage` about the topic.
 * @param pageUrl - canonical URL of this page of the listing.
 */
export function buildTopicPage(
  topic: TopicRef & { description?: string | undefined },
  pageUrl: string,
  description: string,
  site: StructuredDataSite,
): WithContext<CollectionPage> {
  return {
    '@context': CONTEXT,
    '@type': 'CollectionPage',
    '@id': pageUrl,
    url: pageUrl,
    name: topic.name,
    description,
    inLanguage: site.language,
    isPartOf: { '@id': websiteId(site.url) },
    about: { '@type': 'Thing', name: topic.name },
  };
}

/**
 * An author page as a `ProfilePage` whose main entity is the author (`sameAs` their own
 * profile URL when they have one).
 * @param pageUrl - canonical URL of this page of the listing.
 */
export function buildAuthorPage(
  author: AuthorRef & { bio?: string | undefined; url?: string | undefined },
  pageUrl: string,
  description: string,
  site: StructuredDataSite,
): WithContext<ProfilePage> {
  const person: Person = { ...authorPerson(author, site.url), ...(author.bio ? { description: author.bio } : {}), ...(author.url ? { sameAs: author.url } : {}) };
  return {
    '@context': CONTEXT,
    '@type': 'ProfilePage',
    '@id': pageUrl,
    url: pageUrl,
    name: author.name,
    description,
    inLanguage: site.language,
    isPartOf: { '@id': websiteId(site.url) },
    mainEntity: person,
  };
}

/**
 * JSON text for a `<script type="application/ld+json">` element that cannot end the
 * element early or open a comment, whatever the strings hold: `<`, `>` and `&` are written
 * as `\u003c`, `\u003e` and `\u0026` (as are U+2028/U+2029), which JSON parsers read back
 * as the same characters. `</script>`, `<!--` and `]]>` therefore never appear.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
