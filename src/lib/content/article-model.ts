import type { PublicationState } from './publishing.ts';
import type { BodyPicture, LeadPicture } from '../pictures/model.ts';
import type { Location } from '../../schemas/location.ts';
import type { ArticleMap } from '../maps/map-files.ts';

/**
 * The resolved shape of an article that pages, feeds and sitemaps work with: references
 * already turned into topic and author records, so the pure helpers in `src/lib/` need no
 * Astro APIs and can be unit-tested with plain objects.
 */

/** A topic as shown on an article: id (file name) and display name. */
export interface TopicRef {
  id: string;
  name: string;
  /** BCP 47 tag of the name when not in the site language. */
  lang?: string | undefined;
}

/** An author as shown in a byline. */
export interface AuthorRef {
  id: string;
  name: string;
  lang?: string | undefined;
  /** X (Twitter) handle with its `@`. */
  twitter?: string | undefined;
}

/** Attribution of syndicated or openly licensed text. */
export interface SourceRef {
  name: string;
  /** The original, when known. */
  url?: string | undefined;
  /** Licence name and URL: both or neither. */
  license?: string | undefined;
  licenseUrl?: string | undefined;
}

/** A dated correction or clarification. */
export interface Correction {
  at: Date;
  kind: 'correction' | 'clarification';
  text: string;
}

/** One published article with its references resolved. */
export interface Article {
  /** Content id: the file name without `.md`; also the URL slug. */
  id: string;
  /** Path of the source file relative to the project root (for error messages). */
  filePath: string;
  headline: string;
  standfirst: string;
  /** Topics in frontmatter order; the first is the primary topic. */
  topics: TopicRef[];
  authors: AuthorRef[];
  /**
   * The public time: frontmatter `publishedAt`, or `embargoUntil` when that is later
   * (`publicTime()`, docs/adr/0012-embargo-public-time.md). Every output dates the article by it.
   */
  publishedAt: Date;
  updatedAt?: Date | undefined;
  dateline?: string | undefined;
  lang?: string | undefined;
  /** Ids of hand-picked related articles, in frontmatter order. */
  related: string[];
  source?: SourceRef | undefined;
  /** Oldest first, as written in frontmatter order sorted by `at`. */
  corrections: Correction[];
  updateNote?: string | undefined;
  /** Former slugs that redirect here. */
  redirectFrom: string[];
  /** `published` in production builds; the dev server also shows other states, marked. */
  state: PublicationState;
  /** Key of the rendered body in the body cache (`content/body-cache.ts`). */
  bodyDigest: string;
  /** The lead picture with its variants (set by the pictures stage, `src/lib/pictures/stage.ts`). */
  image?: LeadPicture | undefined;
  /** Body pictures' variants by `src` as written in the Markdown (`![alt](./chart.png)`). */
  bodyPictures?: Record<string, BodyPicture> | undefined;
  /** Where the story happened: the article's `location`, else its primary topic's. */
  location?: Location | undefined;
  /** Its locator map files, once the build has drawn them (`content/run.ts`). */
  map?: ArticleMap | undefined;
}

/**
 * The time an article last changed for readers: the newest of `publishedAt`, `updatedAt`
 * and every correction's `at`. Drives `dateModified`, feed update times and sitemap `lastmod`.
 */
export function lastModified(article: Pick<Article, 'publishedAt' | 'updatedAt'> & { corrections?: readonly Pick<Correction, 'at'>[] }): Date {
  // An update written before an embargo lifted is not a change readers saw: never earlier than publishedAt.
  let newest = article.updatedAt && article.updatedAt > article.publishedAt ? article.updatedAt : article.publishedAt;
  for (const c of article.corrections ?? []) if (c.at > newest) newest = c.at;
  return newest;
}

/**
 * Newest first by `publishedAt`; ties broken by id so the order is stable across builds.
 * Returns a new array.
 */
export function sortNewestFirst<T extends Pick<Article, 'publishedAt' | 'id'>>(articles: readonly T[]): T[] {
  return [...articles].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || a.id.localeCompare(b.id));
}
