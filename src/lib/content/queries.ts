/**
 * The only module that reads the content model. Every page, feed and sitemap gets its
 * lists from here; the model is read once per build (it was written by the content
 * pipeline, `content/run.ts`) and bodies are read from the body cache one at a time.
 */
import { buildContext } from 'virtual:dateline/build';
import type { Article, AuthorRef, TopicRef } from './article-model.ts';
import { readContentModel } from './model.ts';
import { readBodyHtml } from './body-cache.ts';
import { withBodyPictures } from '../pictures/body-pictures.ts';
import { pageCacheKey } from '../pages/cache-keys.ts';
import { planNewsSitemaps, selectNewsArticles, NEWS_MAX_URLS, type NewsSitemapPlan } from '../distribution/news-sitemap.ts';
import { site } from '../../site.config.ts';
import type { FrontPlacement } from './pipeline.ts';
import { zonedDateKey } from '../dates.ts';
import { groupBySection, sectionIndex, type SectionIndex } from '../sections.ts';

/** Everything a page needs, computed once per build. */
export interface SiteIndex {
  /** Published articles, newest first. */
  articles: Article[];
  byId: Map<string, Article>;
  topics: Map<string, TopicRef & { description?: string | undefined }>;
  authors: Map<string, AuthorRef & { bio?: string | undefined; url?: string | undefined }>;
  /** Published articles per topic id, newest first; only topics with at least one. */
  articlesByTopic: Map<string, Article[]>;
  /** The configured sections, looked up by id and by topic (src/lib/sections.ts). */
  sections: SectionIndex;
  /** Published articles per section id, newest first; every configured section, possibly empty. */
  articlesBySection: Map<string, Article[]>;
  /** Published articles per author id, newest first; only authors with at least one. */
  articlesByAuthor: Map<string, Article[]>;
  /** Ids of expired (taken-down) articles: each keeps a "no longer available" page. */
  expired: string[];
  /** The home page's placement from `front.yaml` (see `front.ts#resolveFront`), or null. */
  front: FrontPlacement | null;
  /** The build clock these lists were computed at. */
  now: Date;
  /** What every page's rendering depends on besides its data: site configuration and mode. */
  renderEnv: string;
}

/**
 * Incremental-build cache key of a page that shows `articles` (as cards, or in full when
 * `fullBodies` is set, whose bodies are then covered by their body digests) plus `extra`
 * data (page number, topic record…). See `cache-keys.ts`.
 */
export function cacheKeyFor(index: SiteIndex, articles: readonly Article[], extra: unknown, fullBodies: readonly Article[] = []): string {
  // A card shows the time for a story of the build's day and the date otherwise
  // (`formatCardTime`): which stories are "today" is part of what the page shows.
  const today = zonedDateKey(index.now, site.timeZone);
  const todays = articles.filter((a) => zonedDateKey(a.publishedAt, site.timeZone) === today).map((a) => a.id);
  return pageCacheKey(index.renderEnv, todays.length ? [extra, todays] : extra, articles.map(fingerprint), fullBodies.map((a) => a.bodyDigest));
}

/** JSON of an article's shown data, computed once per article (it appears on many pages). */
const fingerprints = new WeakMap<Article, string>();
function fingerprint(article: Article): string {
  let f = fingerprints.get(article);
  if (f === undefined) {
    // The body digest is left out: a card does not show the body; pages that do pass it as `fullBodies`.
    f = JSON.stringify(article, (key, value) => (key === 'bodyDigest' ? undefined : value));
    fingerprints.set(article, f);
  }
  return f;
}

/** Thrown when the build context is missing (a page rendered outside `astro build` / `astro dev`). */
export class ContentModelError extends Error {
  override name = 'ContentModelError';
}

let cached: Promise<SiteIndex> | undefined;

/**
 * The content of this build, indexed. A production build lists only articles whose state
 * is `published`; the dev server also lists drafts, scheduled and embargoed articles,
 * which pages mark as such. Expired articles are never listed.
 * @throws {ContentModelError} when there is no build context.
 */
export function getSiteIndex(): Promise<SiteIndex> {
  cached ??= loadSiteIndex();
  return cached;
}

/**
 * The rendered body HTML of an article (sanitised; links root-relative; local images as
 * their pictures, `withBodyPictures`), read from the body cache now: call it where the body
 * is written, and do not keep it. Pages and feeds both write this.
 */
export function bodyHtml(article: Pick<Article, 'bodyDigest' | 'bodyPictures'>): string {
  if (!buildContext) throw new ContentModelError('no build context: bodies are only available under astro build or astro dev');
  return withBodyPictures(readBodyHtml(buildContext.bodyDir, article.bodyDigest), article.bodyPictures);
}


let newsPlan: Promise<NewsSitemapPlan> | undefined;

/**
 * The news sitemaps of this build (one, or parts of 1,000 and an index), decided once; a
 * split is announced in the build log.
 */
export function getNewsSitemapPlan(): Promise<NewsSitemapPlan> {
  newsPlan ??= getSiteIndex().then(({ articles, now }) => {
    const selected = selectNewsArticles(articles, now);
    const plan = planNewsSitemaps(selected);
    if (plan.kind === 'split') {
      console.log(`[dateline] news sitemap: ${selected.length} articles in the 48-hour window, more than Google's ${NEWS_MAX_URLS} per file: split into ${plan.parts.length} news sitemaps listed in the news sitemap index /news-sitemap.xml`);
    }
    return plan;
  });
  return newsPlan;
}

async function loadSiteIndex(): Promise<SiteIndex> {
  if (!buildContext) throw new ContentModelError('no build context: the content model is only available under astro build or astro dev');
  const model = readContentModel(buildContext.modelFile);
  const articles = model.articles;
  const sections = sectionIndex(site);
  return {
    sections,
    articlesBySection: groupBySection(articles, sections),
    articles,
    byId: new Map(articles.map((a) => [a.id, a])),
    topics: new Map(model.topics.map((t) => [t.id, t])),
    authors: new Map(model.authors.map((a) => [a.id, a])),
    articlesByTopic: groupBy(articles, (a) => a.topics.map((t) => t.id)),
    articlesByAuthor: groupBy(articles, (a) => a.authors.map((t) => t.id)),
    expired: model.expired,
    front: model.front,
    now: model.now,
    renderEnv: JSON.stringify({ site, production: model.production }),
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
