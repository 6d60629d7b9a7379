import { z } from 'astro/zod';
import { DateTimeSchema } from './date-time.ts';
import { SourceSchema } from './source.ts';
import { CorrectionSchema } from './correction.ts';
import { SLUG_PATTERN, MAX_SLUG_LENGTH } from '../lib/urls.ts';
import { PlainText } from './text.ts';
import { LanguageTag } from './language.ts';
import { ImageSchema } from './image.ts';
import { LocationSchema } from './location.ts';

/**
 * A schema for one reference to another collection's entry. Inside Astro this is
 * `reference()` from `astro:content` (a string id in, `{ collection, id }` out); the
 * standalone content checker passes a plain equivalent and checks existence itself.
 */
export type ReferenceFactory = (collection: 'articles' | 'topics' | 'authors') => z.ZodType<{ collection: string; id: string }, string>;

/** The headline rule: plain text, 1–200 characters. Shared with `npm run new`. */
export const HEADLINE = PlainText({ max: 200 });

/**
 * A list of references in which each id appears once: a topic, author or related story
 * listed twice would show twice on the page (and file the story twice under its topic).
 * The issue is reported at the repeated item (`topics[2]`), so the error names its line.
 */
function distinctIds<T extends { id: string }>(list: z.ZodType<T[]>) {
  return list.superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [i], message: `"${item.id}" is listed twice` });
      seen.add(item.id);
    });
  });
}

/**
 * Frontmatter of an article (`src/content/articles/**\/*.md`).
 * Field names follow the newsroom glossary (headline, standfirst, dateline…).
 */
export function ArticleSchema(reference: ReferenceFactory) {
  return z
    .object({
      /** The story's title; the page's only `h1`, the feed item title. 1–200 characters. */
      headline: HEADLINE.describe('The story title, 1–200 characters'),
      /** One or two sentences under the headline; meta description and feed summary. 1–400 characters. */
      standfirst: PlainText({ max: 400 }).describe('Summary under the headline, 1–400 characters'),
      /** Topic ids (file names in `src/content/topics/`); the first is the primary topic (the kicker). */
      topics: distinctIds(z.array(reference('topics')).min(1, 'must list at least one topic id; the first is the primary topic')).describe('Topic ids; the first is the primary topic'),
      /** Author ids (file names in `src/content/authors/`); none means no personal byline. */
      authors: distinctIds(z.array(reference('authors'))).default([]).describe('Author ids, optional'),
      /** First publication: quoted ISO 8601 with `Z` or an offset. */
      publishedAt: DateTimeSchema().describe('First publication, e.g. "2016-11-20T13:03:00+08:00"'),
      /** Last meaningful update, same format; not before `publishedAt`. */
      updatedAt: DateTimeSchema().optional().describe('Last meaningful update, same format as publishedAt'),
      /** Place the story was filed from, e.g. `LIMA` (AP / schema.org `dateline`). */
      dateline: PlainText({ max: 100 }).optional().describe('Place the story was filed from, e.g. LIMA'),
      /** Where the story happened: drawn as a locator map (src/schemas/location.ts). */
      location: LocationSchema().optional(),
      /** BCP 47 tag when the article is not in the site language, e.g. `ja`. */
      lang: LanguageTag().optional().describe('BCP 47 language tag, e.g. ja'),
      /** Hand-picked related article ids, shown first in the related block. */
      related: distinctIds(z.array(reference('articles'))).default([]).describe('Related article ids'),
      /** Drafts never appear in a production build. */
      draft: z.boolean().default(false).describe('true keeps the article out of production builds'),
      /** The lead picture: a file beside the article with alt text, caption, credit and focal point (`src/schemas/image.ts`). */
      image: ImageSchema().optional(),
      /** Attribution for syndicated or openly licensed text. */
      source: SourceSchema().optional(),
      /** Not public before this instant, even if `publishedAt` is earlier. */
      embargoUntil: DateTimeSchema().optional().describe('Not public before this time'),
      /** Taken down at this instant: the page then says the article is no longer available. */
      expiresAt: DateTimeSchema().optional().describe('Taken down at this time'),
      /** Dated corrections and clarifications, shown on the article and on /corrections/. */
      corrections: z.array(CorrectionSchema()).default([]).describe('Corrections and clarifications'),
      /** Reader-facing note on a substantive update, shown beside the updated time. */
      updateNote: PlainText({ max: 300 }).optional().describe('Shown beside the updated time'),
      /** Former slugs of this article; each gets a redirect to the current permalink. */
      redirectFrom: z.array(z.string().regex(SLUG_PATTERN, 'must be a former slug: lower-case a-z, 0-9 and single hyphens').max(MAX_SLUG_LENGTH, `must be at most ${MAX_SLUG_LENGTH} characters (a path segment of the output)`)).default([]).describe('Former slugs'),
    })
    .strict()
    // Cross-field rules run even when other fields have problems (zod's `when`), so one
    // check reports every problem at once; each rule guards against unparsed values.
    .superRefine(
      (data, ctx) => {
        const published = data.publishedAt instanceof Date ? data.publishedAt.getTime() : null;
        if (published === null) return;
        if (data.updatedAt instanceof Date && data.updatedAt.getTime() < published) {
          ctx.addIssue({ code: 'custom', path: ['updatedAt'], message: 'must not be before publishedAt' });
        }
        if (data.expiresAt instanceof Date && data.expiresAt.getTime() <= published) {
          ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'must be after publishedAt' });
        }
        (Array.isArray(data.corrections) ? data.corrections : []).forEach((c, i) => {
          if (c?.at instanceof Date && c.at.getTime() < published) {
            ctx.addIssue({ code: 'custom', path: ['corrections', i, 'at'], message: 'a correction cannot be dated before publishedAt' });
          }
        });
      },
      { when: () => true },
    );
}
