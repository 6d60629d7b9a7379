/**
 * The one rule for an article's lead visual and social image: the article's photo when it
 * has one, else its locator map (issue 11). Articles have no photo field yet, so today it is
 * the map or nothing; the photo branch adds its case first here, and the map then sits
 * beside the dateline instead.
 */
import type { Article } from '../content/article-model.ts';
import type { ArticleMap } from '../maps/map-files.ts';
import type { SocialImage } from '../head/head.ts';
import { absoluteUrl } from '../urls.ts';

/** What leads an article page. */
export type LeadVisual = { kind: 'map'; map: ArticleMap };

/** The lead visual of `article` (photo ?? map), or null. */
export function leadVisual(article: Pick<Article, 'map'>): LeadVisual | null {
  return article.map ? { kind: 'map', map: article.map } : null;
}

/**
 * The social card (og:image, twitter:image, JSON-LD image) of `article`: its lead visual's
 * 1200×630 rendering with absolute URL, size, type and alt; undefined means the
 * publication's default card.
 */
export function socialImageOf(article: Pick<Article, 'map'>, siteUrl: string): SocialImage | undefined {
  const lead = leadVisual(article);
  if (!lead) return undefined;
  const { og, alt } = lead.map;
  return { url: absoluteUrl(og.path, siteUrl), width: og.width, height: og.height, alt, type: og.type };
}
