/**
 * The feed endpoints' glue: read the site index once, build each {@link FeedModel} once
 * (all three formats of a feed share it), and answer with the right serialiser.
 * Pages under `src/pages/**\/{rss.xml,atom.xml,feed.json}.ts` are one line each.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { site } from '../../site.config.ts';
import { getSiteIndex, cacheKeyFor, bodyHtml, type SiteIndex } from '../content/queries.ts';
import type { Article } from '../content/article-model.ts';
import { listCorrections } from '../content/corrections.ts';
import { buildArticleFeed, buildCorrectionsFeed, emptyFeedUpdated, feedSizeOf, publishedFormats, type FeedItem, type FeedModel, type FeedScope } from './feed-model.ts';
import { buildRssXml } from './feed-rss.ts';
import { buildAtomXml } from './feed-atom.ts';
import { buildJsonFeedText } from './feed-json.ts';
import type { FeedFormat } from '../urls.ts';


const CONTENT_TYPES: Readonly<Record<FeedFormat, string>> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

const models = new Map<string, Promise<FeedModel>>();
/** Article items shared by the site, topic and author feeds of this build. */
const itemCache = new Map<string, FeedItem>();


function scopeKey(scope: FeedScope): string {
  if (scope.kind === 'section') return `section:${scope.section.id}`;
  if (scope.kind === 'topic') return `topic:${scope.topic.id}`;
  if (scope.kind === 'author') return `author:${scope.author.id}`;
  return scope.kind;
}

async function loadModel(scope: FeedScope): Promise<FeedModel> {
  const index = await getSiteIndex();
  const options = { site, bodyOf: bodyHtml, fallbackUpdated: emptyFeedUpdated(index.articles), itemCache };
  switch (scope.kind) {
    case 'site':
      return buildArticleFeed(scope, index.articles, options);
    case 'section':
      return buildArticleFeed(scope, index.articlesBySection.get(scope.section.id) ?? [], options);
    case 'topic':
      return buildArticleFeed(scope, index.articlesByTopic.get(scope.topic.id) ?? [], options);
    case 'author':
      return buildArticleFeed(scope, index.articlesByAuthor.get(scope.author.id) ?? [], options);
    case 'corrections':
      return buildCorrectionsFeed(listCorrections(index.articles), options);
  }
}

/** The feed model of `scope`, built once per build. */
export function getFeedModel(scope: FeedScope): Promise<FeedModel> {
  const key = scopeKey(scope);
  let model = models.get(key);
  if (!model) {
    model = loadModel(scope);
    models.set(key, model);
  }
  return model;
}

/** The document of a feed model in one format. */
export async function renderFeed(model: FeedModel, format: FeedFormat): Promise<string> {
  switch (format) {
    case 'rss':
      // No xml-stylesheet: browsers are dropping XSLT (Chrome 155 disabled it); people who open
      // a feed in a browser are sent to the /feeds/ page by the masthead and every listing.
      return buildRssXml(model);
    case 'atom':
      return buildAtomXml(model);
    case 'json':
      return buildJsonFeedText(model);
  }
}

async function respond(scope: FeedScope, format: FeedFormat): Promise<Response> {
  const model = await getFeedModel(scope);
  // A body-less response writes no file (Astro's static build skips it): see publishedFormats.
  if (!publishedFormats(model.items.length).includes(format)) return new Response(null, { status: 404 });
  const body = await renderFeed(model, format);
  return new Response(body, { headers: { 'Content-Type': CONTENT_TYPES[format] } });
}

/** GET handler of a site-wide or corrections feed. */
export function fixedFeedRoute(kind: 'site' | 'corrections', format: FeedFormat): APIRoute {
  return () => respond({ kind }, format);
}

/** Incremental-build key of a listing feed: its scope, and its items with their full bodies. */
function feedCacheKey(index: SiteIndex, scope: FeedScope, list: readonly Article[]): string {
  const items = list.slice(0, feedSizeOf(scope, site));
  return cacheKeyFor(index, items, ['feed', scope], items);
}

/** `getStaticPaths` of section feeds: every configured section, even an empty one (its front exists too). */
export const sectionFeedPaths: GetStaticPaths = async () => {
  const index = await getSiteIndex();
  return index.sections.sections.map((section) => {
    const scope: FeedScope = { kind: 'section', section: { id: section.id, name: section.name, description: section.description } };
    return { params: { section: section.id }, props: { scope }, cacheKey: feedCacheKey(index, scope, index.articlesBySection.get(section.id) ?? []) };
  });
};

/** `getStaticPaths` of topic feeds: every topic with at least one published article. */
export const topicFeedPaths: GetStaticPaths = async () => {
  const index = await getSiteIndex();
  return [...index.articlesByTopic].map(([id, list]) => {
    const scope: FeedScope = { kind: 'topic', topic: index.topics.get(id)! };
    return { params: { topic: id }, props: { scope }, cacheKey: feedCacheKey(index, scope, list) };
  });
};

/** `getStaticPaths` of author feeds: every author with at least one published article. */
export const authorFeedPaths: GetStaticPaths = async () => {
  const index = await getSiteIndex();
  return [...index.articlesByAuthor].map(([id, list]) => {
    const scope: FeedScope = { kind: 'author', author: index.authors.get(id)! };
    return { params: { author: id }, props: { scope }, cacheKey: feedCacheKey(index, scope, list) };
  });
};

/** GET handler of a section, topic or author feed (its scope comes from the static path's props). */
export function listingFeedRoute(format: FeedFormat): APIRoute {
  return ({ props }) => respond((props as { scope: FeedScope }).scope, format);
}
