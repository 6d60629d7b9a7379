/**
 * The only module that reads the content collections. Every page, feed and sitemap gets
 * its lists from here; the work is done once per build and cached.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Article, AuthorRef, TopicRef } from './article-model.ts';
import { sortNewestFirst } from './article-model.ts';
import { decidePublicationState, type PublicationState } from './publishing.ts';
import { resolveBuildClock } from './build-clock.ts';
import { pageCacheKey } from './cache-keys.ts';
import { site } from '../site.config.ts';

/** Everything a page needs, computed once per build. */
export interface SiteIndex {
  /** Published articles, newest first. */
  articles: Article[];
  byId: Map<string, Article>;
  topics: Map<string, TopicRef & { description?: string | undefined }>;
  authors: Map<string, AuthorRef & { bio?: string | undefined; url?: string | undefined }>;
  /** Published articles per topic id, newest first; only topics with at least one. */
  articlesByTopic: Map<string, Article[]>;
  /** Published articles per author id, newest first; only authors with at least one. */
  articlesByAuthor: Map<string, Article[]>;
  /** The collection entry of each published article, for `render()`. */
  entries: Map<string, CollectionEntry<'articles'>>;
  /** Ids of expired (taken-down) articles: each keeps a "no longer available" page. */
  expired: string[];
  /** The build clock these lists were computed at. */
  now: Date;
  /** Content digest of each published article's source file (changes with any edit). */
  digests: Map<string, string>;
  /** What every page's rendering depends on besides its data: site configuration and mode. */
  renderEnv: string;
}

/**
 * Incremental-build cache key of a page that shows `articles` (as cards, or in full when
 * `fullBodies` is set, whose bodies are then covered by their file digests) plus `extra`
 * data (page number, topic record…). See `cache-keys.ts`.
 */
export function cacheKeyFor(index: SiteIndex, articles: readonly Article[], extra: unknown, fullBodies: readonly Article[] = []): string {
  return pageCacheKey(index.renderEnv, extra, articles.map(fingerprint), fullBodies.map((a) => index.digests.get(a.id)));
}

/** JSON of an article's shown data, computed once per article (it appears on many pages). */
const fingerprints = new WeakMap<Article, string>();
function fingerprint(article: Article): string {
  let f = fingerprints.get(article);
  if (f === undefined) {
    f = JSON.stringify(article);
    fingerprints.set(article, f);
  }
  return f;
}

/** Thrown when an entry refers to a topic, author or article that does not exist. */
export class ContentReferenceError extends Error {
  override name = 'ContentReferenceError';
}

let cached: Promise<SiteIndex> | undefined;

/**
 * Load and index the content at the build clock (`DATELINE_NOW`, pinned by the content
 * check). A production build keeps only articles whose state is `published`; the dev
 * server (`DATELINE_MODE=dev`) also lists drafts, scheduled and embargoed articles,
 * which pages mark as such. Expired articles are never listed.
 * @throws {ContentReferenceError} naming the file, the field and the missing id.
 */
export function getSiteIndex(): Promise<SiteIndex> {
  // DATELINE_MODE is pinned by the content check from the Astro command (`dev` or a build);
  // NODE_ENV is not trusted here, since test runners set it for child builds.
  cached ??= loadSiteIndex(process.env['DATELINE_MODE'] !== 'dev', resolveBuildClock(process.env));
  return cached;
}

async function loadSiteIndex(production: boolean, now: Date): Promise<SiteIndex> {
  const [articleEntries, topicEntries, authorEntries] = await Promise.all([
    getCollection('articles'),
    getCollection('topics'),
    getCollection('authors'),
  ]);
  const topics = new Map(topicEntries.map((t) => [t.id, { id: t.id, name: t.data.name, lang: t.data.lang, description: t.data.description }]));
  const authors = new Map(authorEntries.map((a) => [a.id, { id: a.id, name: a.data.name, lang: a.data.lang, bio: a.data.bio, url: a.data.url, twitter: a.data.twitter }]));
  const allIds = new Set(articleEntries.map((a) => a.id));

  const states = new Map(articleEntries.map((entry) => [entry.id, decidePublicationState(entry.data, now)]));
  const visible = (state: PublicationState) => state === 'published' || (!production && state !== 'expired');
  const published = articleEntries.filter((entry) => visible(states.get(entry.id)!));
  const articles = sortNewestFirst(published.map((entry) => toArticle(entry, states.get(entry.id)!, topics, authors, allIds)));
  const byId = new Map(articles.map((a) => [a.id, a]));
  return {
    articles,
    byId,
    topics,
    authors,
    articlesByTopic: groupBy(articles, (a) => a.topics.map((t) => t.id)),
    articlesByAuthor: groupBy(articles, (a) => a.authors.map((t) => t.id)),
    entries: new Map(published.map((entry) => [entry.id, entry])),
    expired: articleEntries.filter((entry) => states.get(entry.id) === 'expired').map((entry) => entry.id),
    now,
    digests: new Map(published.map((entry) => [entry.id, String(entry.digest)])),
    renderEnv: JSON.stringify({ site, production }),
  };
}

function toArticle(
  entry: CollectionEntry<'articles'>,
  state: PublicationState,
  topics: Map<string, TopicRef>,
  authors: Map<string, AuthorRef>,
  articleIds: Set<string>,
): Article {
  const file = entry.filePath ?? entry.id;
  const resolve = <T>(field: string, map: Map<string, T>, id: string): T => {
    const found = map.get(id);
    if (!found) throw new ContentReferenceError(`${file}: ${field}: unknown id "${id}"`);
    return found;
  };
  const d = entry.data;
  for (const ref of d.related) {
    if (!articleIds.has(ref.id)) throw new ContentReferenceError(`${file}: related: unknown article id "${ref.id}"`);
  }
  return {
    id: entry.id,
    filePath: file,
    headline: d.headline,
    standfirst: d.standfirst,
    topics: d.topics.map((ref) => resolve('topics', topics, ref.id)),
    authors: d.authors.map((ref) => resolve('authors', authors, ref.id)),
    publishedAt: d.publishedAt,
    updatedAt: d.updatedAt,
    dateline: d.dateline,
    lang: d.lang,
    related: d.related.map((ref) => ref.id),
    source: d.source,
    corrections: [...d.corrections].sort((a, b) => a.at.getTime() - b.at.getTime()),
    updateNote: d.updateNote,
    redirectFrom: d.redirectFrom,
    state,
  };
}

function groupBy(articles: readonly Article[], keys: (a: Article) => string[]): Map<string, Article[]> {
  const groups = new Map<string, Article[]>();
  for (const article of articles) {
    for (const key of keys(article)) {
      const list = groups.get(key);
      if (list) list.push(article);
      else groups.set(key, [article]);
    }
  }
  return groups;
}
