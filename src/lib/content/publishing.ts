/**
 * Who may see an article at a given instant (the build clock). A static site can only
 * enforce embargoes at build time: the build leaves unpublished articles out of every
 * output and reports when the next change is due, so CI can rebuild then.
 */

/** Fields that decide visibility. Times are instants (`Date`). */
export interface PublishingFields {
  draft: boolean;
  publishedAt: Date;
  embargoUntil?: Date | undefined;
  expiresAt?: Date | undefined;
}

/**
 * - `published`: visible everywhere.
 * - `draft`: never in production output.
 * - `scheduled`: `publishedAt` is after the clock.
 * - `embargoed`: `embargoUntil` is after the clock.
 * - `expired`: `expiresAt` is at or before the clock: taken down (a "no longer available" page only).
 */
export type PublicationState = 'published' | 'draft' | 'scheduled' | 'embargoed' | 'expired';

/**
 * The public time of an article: when readers could first see it. That is `publishedAt`,
 * or `embargoUntil` when the embargo lifts later (docs/adr/0012-embargo-public-time.md).
 * Every output shows this instant as the article's publication: listing order, feed
 * dates, the news-sitemap window and date, JSON-LD `datePublished`, Open Graph
 * `article:published_time` and the visible "Published" time.
 */
export function publicTime(article: Pick<PublishingFields, 'publishedAt' | 'embargoUntil'>): Date {
  return article.embargoUntil && article.embargoUntil.getTime() > article.publishedAt.getTime() ? article.embargoUntil : article.publishedAt;
}

/** The state of an article at instant `now`. Draft wins over every time rule. */
export function decidePublicationState(article: PublishingFields, now: Date): PublicationState {
  const t = now.getTime();
  if (article.draft) return 'draft';
  if (article.embargoUntil && article.embargoUntil.getTime() > t) return 'embargoed';
  if (article.publishedAt.getTime() > t) return 'scheduled';
  if (article.expiresAt && article.expiresAt.getTime() <= t) return 'expired';
  return 'published';
}

/**
 * The first instant after `now` at which some article changes state (an embargo lifts, a
 * scheduled time arrives, or an article expires), or `null` when nothing is pending.
 * Drafts never change by time.
 */
export function nextStateChange(articles: Iterable<PublishingFields>, now: Date): Date | null {
  let next: number | null = null;
  const t = now.getTime();
  for (const a of articles) {
    if (a.draft) continue;
    for (const when of [a.publishedAt, a.embargoUntil, a.expiresAt]) {
      const w = when?.getTime();
      if (w !== undefined && w > t && (next === null || w < next)) next = w;
    }
  }
  return next === null ? null : new Date(next);
}
