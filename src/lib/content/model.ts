/**
 * The content model: what the content pipeline hands to pages, feeds and sitemaps. It holds
 * what listings and feeds need — resolved articles (references turned into topic and author
 * records), topics, authors, expired ids, the build clock and mode — and no rendered body:
 * an article carries its `bodyDigest`, and the page or feed that writes the body reads it
 * from the body cache (`body-cache.ts`) at that moment.
 *
 * The model is written once per build to `<cacheDir>/dateline/model.bin` (Node's
 * structured-clone serialisation, which keeps `Date`s) and read once by `../queries.ts`.
 * Every derived list — listings, feeds, redirects, expired URLs, sitemap lastmods — is
 * computed from it (`siteLists`), so they cannot disagree.
 */
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type { Article, AuthorRef, TopicRef } from './article-model.ts';
import { lastModified, sortNewestFirst } from './article-model.ts';
import type { PublicationState } from './publishing.ts';
import type { Location } from '../../schemas/location.ts';
import { publicTime } from './publishing.ts';
import type { CheckResult, CheckedArticle, FrontPlacement } from './pipeline.ts';
import { absoluteUrl, articlePath } from '../urls.ts';
import { buildRedirects, type Redirect } from '../distribution/redirects.ts';
import { buildListingLastmods } from '../distribution/sitemap.ts';
import type { DerivedFile } from '../derived-files.ts';

/** A topic record as listings and feeds show it. */
export type TopicRecord = TopicRef & { description?: string | undefined; location?: Location | undefined };
/** An author record as listings and feeds show it. */
export type AuthorRecord = AuthorRef & { bio?: string | undefined; url?: string | undefined };

/** See the module comment. */
export interface ContentModel {
  /** The build clock every state decision used. */
  now: Date;
  /** `true` for a build: only `published` articles are listed. `false` under `astro dev`. */
  production: boolean;
  /** Visible articles (published; under dev also drafts, scheduled and embargoed), newest first. */
  articles: Article[];
  /** Ids of expired articles: each keeps a "no longer available" page. */
  expired: string[];
  topics: TopicRecord[];
  authors: AuthorRecord[];
  /** Next instant after the clock at which an article (or the front placement) changes state, or null. */
  nextChange: Date | null;
  /** The home page's placement (`front.yaml`), when present; `resolveFront` decides what applies. */
  front: FrontPlacement | null;
  /**
   * Files derived from the content of the visible articles (picture variants, locator maps),
   * copied into the output at the end of the build (`src/lib/derived-files.ts`). Filled by the
   * pictures and maps stages of `run.ts`.
   */
  derivedFiles: DerivedFile[];
}

/**
 * Resolve a clean check result into the model.
 * @param check - a result with no problems (references are then known to resolve).
 */
export function buildContentModel(check: CheckResult, { production }: { production: boolean }): ContentModel {
  const topics = new Map<string, TopicRecord>([...check.topics].map((t) => [t.id, t]));
  const authors = new Map<string, AuthorRecord>([...check.authors].map((a) => [a.id, a]));
  const visible = (state: PublicationState) => state === 'published' || (!production && state !== 'expired');
  const all = [...check.articles.values()];
  return {
    now: check.now,
    production,
    articles: sortNewestFirst(all.filter((a) => visible(a.state)).map((a) => toArticle(a, topics, authors))),
    expired: all.filter((a) => a.state === 'expired').map((a) => a.id),
    topics: [...topics.values()],
    authors: [...authors.values()],
    nextChange: check.nextChange,
    front: check.front,
    derivedFiles: [],
  };
}

function toArticle(a: CheckedArticle, topics: Map<string, TopicRecord>, authors: Map<string, AuthorRecord>): Article {
  const d = a.data;
  const topicRef = (id: string): TopicRef => {
    const { name, lang } = topics.get(id)!;
    return { id, name, lang };
  };
  const authorRef = (id: string): AuthorRef => {
    const { name, lang, twitter } = authors.get(id)!;
    return { id, name, lang, twitter };
  };
  return {
    id: a.id,
    filePath: a.file,
    headline: d.headline,
    standfirst: d.standfirst,
    topics: d.topics.map((ref) => topicRef(ref.id)),
    authors: d.authors.map((ref) => authorRef(ref.id)),
    publishedAt: publicTime(d),
    updatedAt: d.updatedAt,
    dateline: d.dateline,
    lang: d.lang,
    related: d.related.map((ref) => ref.id),
    source: d.source,
    corrections: [...d.corrections].sort((x, y) => x.at.getTime() - y.at.getTime()),
    updateNote: d.updateNote,
    redirectFrom: d.redirectFrom,
    state: a.state,
    bodyDigest: a.bodyDigest,
    location: d.location ?? topics.get(d.topics[0]!.id)!.location,
  };
}

/** Lists derived from the model for the build's configuration (redirects, sitemap filter and lastmods). */
export interface SiteLists {
  redirects: Redirect[];
  /** Absolute URLs of expired articles' pages (not indexable). */
  expiredUrls: Set<string>;
  /** Absolute URL → last modification, for articles and listing pages. */
  lastModifiedByUrl: Map<string, Date>;
  /** Absolute article URL → absolute URLs of its pictures (image sitemap). */
  imagesByUrl: Map<string, string[]>;
}

/** {@link SiteLists} of a model (only `published` articles count; dev extras are ignored). */
export function siteLists(model: ContentModel, siteUrl: string, pageSize: number): SiteLists {
  const published = model.articles.filter((a) => a.state === 'published');
  const lastModifiedByUrl = new Map(published.map((a) => [absoluteUrl(articlePath(a.id), siteUrl), lastModified(a)]));
  const listings = buildListingLastmods(
    published.map((a) => ({
      id: a.id,
      publishedAt: a.publishedAt,
      lastModified: lastModified(a),
      topicIds: a.topics.map((t) => t.id),
      authorIds: a.authors.map((t) => t.id),
      correctionTimes: a.corrections.map((c) => c.at),
    })),
    siteUrl,
    pageSize,
  );
  for (const [url, when] of listings) lastModifiedByUrl.set(url, when);
  const imagesByUrl = new Map<string, string[]>();
  for (const a of published) {
    const sets = [...(a.image ? [a.image.full] : []), ...Object.values(a.bodyPictures ?? {}).map((p) => p.full)];
    if (sets.length) imagesByUrl.set(absoluteUrl(articlePath(a.id), siteUrl), sets.map((set) => absoluteUrl(set.jpeg[set.jpeg.length - 1]!.path, siteUrl)));
  }
  return {
    imagesByUrl,
    redirects: buildRedirects(published),
    expiredUrls: new Set(model.expired.map((id) => absoluteUrl(articlePath(id), siteUrl))),
    lastModifiedByUrl,
  };
}

/** Write the model to `file` (directories created). */
export function writeContentModel(file: string, model: ContentModel): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, v8.serialize(model));
  fs.renameSync(tmp, file);
}

/** Read a model written by {@link writeContentModel}. */
export function readContentModel(file: string): ContentModel {
  return v8.deserialize(fs.readFileSync(file)) as ContentModel;
}
