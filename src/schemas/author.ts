import { z } from 'astro/zod';
import { twitterHandleSchema } from './twitter-handle.ts';
import { PlainText } from './text.ts';
import { LanguageTag } from './language.ts';

/** A byline author (`src/content/authors/<id>.yaml`). */
export function AuthorSchema() {
  return z
    .object({
      /** Name as printed in the byline. */
      name: PlainText({ max: 200 }).describe('Name as printed in the byline'),
      /** Short biography for the author page. */
      bio: PlainText({ max: 2000, multiLine: true }).optional().describe('Short biography'),
      /** Profile or home page URL. */
      url: z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL, e.g. https://example.org/staff/jane-doe' }).optional().describe('Profile URL'),
      /** X (Twitter) handle, e.g. `@janedoe`: `twitter:creator` on the author's articles. */
      twitter: twitterHandleSchema.optional().describe('X handle, e.g. @janedoe'),
      /** BCP 47 tag when the name is not in the site language. */
      lang: LanguageTag().optional(),
    })
    .strict();
}
