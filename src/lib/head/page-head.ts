/**
 * The {@link PageHead} of each kind of page: which feeds it advertises, its social-card
 * article tags and its JSON-LD. Layouts and pages pass the result to `BaseLayout`'s `head`.
 */
import type { Article, AuthorRef, TopicRef } from '../content/article-model.ts';
import { lastModified } from '../content/article-model.ts';
import { toZonedIsoString } from '../dates.ts';
import { feedLinks, publishedFormats, type FeedSite } from '../distribution/feed-model.ts';
import type { PageHead } from './head.ts';
import {
  authorCrumbs,
  buildAuthorPage,
  buildBreadcrumbList,
  buildNewsArticle,
  buildPublisherDocument,
  buildTopicPage,
  buildWebSite,
  sectionCrumbs,
  topicCrumbs,
  type StructuredDataSite,
} from './structured-data.ts';
import { absoluteUrl, authorPath } from '../urls.ts';
import { socialImageOf } from '../pages/lead-visual.ts';

/** Site settings the page heads read (the whole `site` config satisfies it). */
export type PageHeadSite = FeedSite & StructuredDataSite;

/**
 * Article page: `og:type` article with its times, section and tags; one NewsArticle; its lead
 * visual's 1200×630 rendering as `og:image`/`twitter:image` (`socialImageOf`: the photo's crop,
 * else the locator map), else the publication's card.
 */
export function articlePageHead(article: Article, site: PageHeadSite): PageHead {
  return {
    article: {
      publishedTime: toZonedIsoString(article.publishedAt, site.timeZone),
      modifiedTime: toZonedIsoString(lastModified(article), site.timeZone),
      section: article.topics[0]?.name ?? '',
      tags: article.topics.map((t) => t.name),
      authorUrls: article.authors.map((a) => absoluteUrl(authorPath(a.id), site.url)),
      twitterCreator: article.authors.find((a) => a.twitter)?.twitter,
    },
    language: article.lang,
    image: socialImageOf(article, site.url),
    jsonLd: [buildNewsArticle(article, site)],
  };
}

/** Home page 1: the WebSite and its publisher. */
export function homePageHead(site: PageHeadSite): PageHead {
  return { jsonLd: [buildWebSite(site), buildPublisherDocument(site)] };
}

/**
 * A topic listing page: the topic's feeds, a CollectionPage and its breadcrumbs (through
 * its section when it has one).
 */
export function topicPageHead(
  topic: TopicRef & { description?: string | undefined },
  pageUrl: string,
  description: string,
  site: PageHeadSite,
  section?: { id: string; name: string },
): PageHead {
  return {
    feeds: feedLinks({ kind: 'topic', topic }, site),
    jsonLd: [buildTopicPage(topic, pageUrl, description, site), buildBreadcrumbList(topicCrumbs(topic, site, section))],
  };
}

/** A section front: the section's feeds (no Atom while it has no story: `publishedFormats`), a CollectionPage about the section and its breadcrumbs. */
export function sectionPageHead(section: { id: string; name: string; description: string }, pageUrl: string, site: PageHeadSite, storyCount: number): PageHead {
  return {
    feeds: feedLinks({ kind: 'section', section }, site, publishedFormats(storyCount)),
    jsonLd: [buildTopicPage({ id: section.id, name: section.name }, pageUrl, section.description, site), buildBreadcrumbList(sectionCrumbs(section, site))],
  };
}

/** An author listing page: the author's feeds, a ProfilePage and its breadcrumbs. */
export function authorPageHead(
  author: AuthorRef & { bio?: string | undefined; url?: string | undefined },
  pageUrl: string,
  description: string,
  site: PageHeadSite,
): PageHead {
  return {
    feeds: feedLinks({ kind: 'author', author }, site),
    jsonLd: [buildAuthorPage(author, pageUrl, description, site), buildBreadcrumbList(authorCrumbs(author, site))],
  };
}

/** The corrections page: the corrections feeds (no Atom before the first correction: `publishedFormats`). */
export function correctionsPageHead(site: PageHeadSite, correctionCount: number): PageHead {
  return { feeds: feedLinks({ kind: 'corrections' }, site, publishedFormats(correctionCount)) };
}
