/**
 * The one rule for an article's lead visual and social image (issue 11): the article's own
 * photo when it has one, else its locator map, else nothing (the publication's card stands
 * in on social cards and in JSON-LD). With a photo leading, the map — when there is one —
 * opens the story body instead, small, beside the first paragraphs (`secondaryMap`).
 */
import type { Article } from '../content/article-model.ts';
import type { ArticleMap } from '../maps/map-files.ts';
import type { LeadPicture } from '../pictures/model.ts';
import type { SocialImage } from '../head/head.ts';
import { absoluteUrl } from '../urls.ts';

/** What leads an article page. */
export type LeadVisual = { kind: 'photo'; picture: LeadPicture } | { kind: 'map'; map: ArticleMap };

/** The lead visual of `article` (photo ?? map), or null. */
export function leadVisual(article: Pick<Article, 'image' | 'map'>): LeadVisual | null {
  if (article.image) return { kind: 'photo', picture: article.image };
  return article.map ? { kind: 'map', map: article.map } : null;
}

/** The map shown at the top of the story body: the article's map when a photo leads, else none. */
export function secondaryMap(article: Pick<Article, 'image' | 'map'>): ArticleMap | null {
  return article.image && article.map ? article.map : null;
}

/**
 * The map files `article`'s pages use (root-relative paths): the SVG wherever the map is
 * shown, and its 1200×630 PNG only when the map is the social image (no photo leads).
 */
export function mapFilesInUse(article: Pick<Article, 'image' | 'map'>): string[] {
  if (!article.map) return [];
  return leadVisual(article)?.kind === 'map' ? [article.map.svg.path, article.map.og.path] : [article.map.svg.path];
}

/**
 * The social card (og:image, twitter:image) of `article`: its lead visual's 1200×630
 * rendering (the photo's focus-kept crop, or the map's PNG) with absolute URL, size, type and
 * alt; undefined means the publication's default card.
 */
export function socialImageOf(article: Pick<Article, 'image' | 'map'>, siteUrl: string): SocialImage | undefined {
  const lead = leadVisual(article);
  if (!lead) return undefined;
  const [og, alt] = lead.kind === 'photo' ? [lead.picture.og, lead.picture.alt] : [lead.map.og, lead.map.alt];
  return { url: absoluteUrl(og.path, siteUrl), width: og.width, height: og.height, alt, type: og.type };
}

/**
 * The JSON-LD `image` list of `article` (root-relative paths with pixel sizes): a photo's
 * three 1,200 px crops (16:9, 4:3, 1:1, as Google's Article structured data asks), or the
 * map's 1200×630 PNG; empty means the publication's default card.
 */
export function structuredImagesOf(article: Pick<Article, 'image' | 'map'>): { path: string; width: number; height: number }[] {
  const lead = leadVisual(article);
  if (!lead) return [];
  return lead.kind === 'photo' ? lead.picture.structured : [lead.map.og];
}
