/**
 * The one renderer of picture markup, shared by pages (`src/components/Picture.astro`), body
 * pictures (`body-pictures.ts`) and therefore the feeds, so a picture looks the same
 * everywhere (docs/adr/0014-pictures.md):
 *
 *   <figure class="picture"><picture>
 *     <source type="image/avif" srcset="… 400w, … 800w" sizes="…">
 *     <source type="image/webp" srcset="…" sizes="…">
 *     <img src="….jpg" srcset="…" sizes="…" width height alt loading decoding [fetchpriority]>
 *   </picture><figcaption>caption <span class="picture-credit">credit</span></figcaption></figure>
 *
 * `width`/`height` are always set (the intrinsic aspect, so the browser reserves the space:
 * CLS 0). The lead picture is `loading="eager"` with `fetchpriority="high"`; every other
 * picture `loading="lazy"`. URLs are root-relative; feeds make them absolute.
 * No inline styles (the pages' CSP refuses them).
 */
import { escape } from 'html-escaper';
import type { ImageFile, ResponsiveSet } from './model.ts';

/** How a picture is shown. */
export interface PictureOptions {
  alt: string;
  /** The `sizes` attribute: the width the picture takes in the layout (see `PICTURE_SIZES`). */
  sizes: string;
  /** `lead`: eager and high priority (the article's lead, the front's lead); `lazy` otherwise. */
  priority: 'lead' | 'lazy';
  /** Optional title (tooltip) from a body picture's Markdown title. */
  title?: string | undefined;
}

/** `sizes` of each place a picture is shown, from the layout in `src/styles/global.css`. */
export const PICTURE_SIZES = {
  /** Article column: at most 42rem (the measure), 1rem padding each side on phones. */
  article: '(min-width: 44rem) 42rem, calc(100vw - 2rem)',
  /** The front page's lead story: full width on phones; from 64rem three fifths of the front's 3/4 column. */
  frontLead: '(min-width: 80rem) 35rem, (min-width: 64rem) 43vw, calc(100vw - 2rem)',
  /** A listing card (two columns from 48rem) or a front's secondary story. */
  card: '(min-width: 80rem) 24rem, (min-width: 48rem) 45vw, calc(100vw - 2rem)',
} as const;

const srcset = (files: readonly ImageFile[]) => files.map((f) => `${f.path} ${f.width}w`).join(', ');

/** The fallback `src`: the JPEG nearest 800 px wide (what a reader without srcset support gets). */
function fallback(set: ResponsiveSet): ImageFile {
  return set.jpeg.find((f) => f.width >= 800) ?? set.jpeg[set.jpeg.length - 1]!;
}

/** `<picture>` of a responsive set. */
export function pictureHtml(set: ResponsiveSet, options: PictureOptions): string {
  const sizes = escape(options.sizes);
  const img = fallback(set);
  const sources = (['avif', 'webp'] as const)
    .filter((format) => set[format].length)
    .map((format) => `<source type="image/${format}" srcset="${escape(srcset(set[format]))}" sizes="${sizes}">`)
    .join('');
  const lead = options.priority === 'lead';
  const attrs = [
    `src="${escape(img.path)}"`,
    `srcset="${escape(srcset(set.jpeg))}"`,
    `sizes="${sizes}"`,
    `width="${set.width}"`,
    `height="${set.height}"`,
    `alt="${escape(options.alt)}"`,
    ...(options.title ? [`title="${escape(options.title)}"`] : []),
    `loading="${lead ? 'eager' : 'lazy'}"`,
    `decoding="${lead ? 'sync' : 'async'}"`,
    ...(lead ? ['fetchpriority="high"'] : []),
  ];
  return `<picture>${sources}<img ${attrs.join(' ')}></picture>`;
}

/** A `<figure>` with the picture and, when there is any, a caption with the credit beside it. */
export function figureHtml(set: ResponsiveSet, options: PictureOptions & { caption?: string | undefined; credit?: string | undefined; className?: string }): string {
  const caption = [options.caption ? escape(options.caption) : '', options.credit ? `<span class="picture-credit">${escape(options.credit)}</span>` : ''].filter(Boolean).join(' ');
  const className = ['picture', options.className].filter(Boolean).join(' ');
  return `<figure class="${escape(className)}">${pictureHtml(set, options)}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
}

/**
 * Which card of a listing shows its picture eagerly with high priority: the first of the first
 * two cards that has a picture (it is then the page's largest visual above the fold on a phone
 * or a desktop, the Largest Contentful Paint), or -1 when neither has one. Every other card's
 * picture loads lazily.
 */
export function eagerCardIndex(articles: readonly { image?: unknown }[]): number {
  return articles.slice(0, 2).findIndex((a) => a.image !== undefined);
}
