import { z } from 'astro/zod';
import { PlainText } from './text.ts';
import { isLocalImageSrc } from '../lib/pictures/sources.ts';

/**
 * An article's lead picture (`image:` in the frontmatter; docs/adr/0014-pictures.md).
 *
 * - `src`: a relative path to a file beside the article (`./harbour.jpg`, `../pictures/harbour.png`),
 *   resolved against the article file and required to stay inside the content tree. JPEG,
 *   PNG, WebP or AVIF, at least 1,200 px wide, at most 20 MB (checked by the pictures stage,
 *   `src/lib/pictures/sources.ts`, which reads the file).
 * - `alt`: required plain text describing the picture for readers who cannot see it.
 * - `caption`, `credit`: optional plain text shown under the picture (credit beside it).
 * - `focus`: the subject's position as fractions of the width and height from the top-left
 *   corner (`{ x: 0.3, y: 0.4 }`; default the centre); every crop keeps it inside.
 */
export function ImageSchema() {
  return z
    .object({
      /** Path of the picture file, relative to the article file. */
      src: z
        .string({ error: 'must be a path to a picture file beside the article, e.g. ./harbour.jpg' })
        .trim()
        .min(1, 'must not be empty')
        .refine(isLocalImageSrc, 'must be a relative path to a file beside the article, e.g. ./harbour.jpg (not a URL or an absolute path)')
        .describe('Picture file, relative to the article, e.g. ./harbour.jpg'),
      /** Text alternative: what the picture shows. Required. */
      alt: PlainText({ max: 300 }).describe('What the picture shows, for readers who cannot see it'),
      /** Caption shown under the picture. */
      caption: PlainText({ max: 500 }).optional().describe('Caption shown under the picture'),
      /** Photographer or agency, shown beside the caption. */
      credit: PlainText({ max: 200 }).optional().describe('Photographer or agency'),
      /** Focal point: fractions of width (x) and height (y) from the top-left corner. */
      focus: z
        .object({
          x: z.number().min(0, 'must be between 0 (left edge) and 1 (right edge)').max(1, 'must be between 0 (left edge) and 1 (right edge)'),
          y: z.number().min(0, 'must be between 0 (top edge) and 1 (bottom edge)').max(1, 'must be between 0 (top edge) and 1 (bottom edge)'),
        })
        .strict()
        .optional()
        .describe('Focal point, e.g. { x: 0.3, y: 0.4 }'),
    })
    .strict();
}
