import { z } from 'astro/zod';
import { twitterHandleSchema } from './twitter-handle.ts';

/** A byline author (`src/content/authors/<id>.yaml`). */
export function AuthorSchema() {
  return z
    .object({
      /** Name as printed in the byline. */
      name: z.string().trim().min(1, 'must not be empty').describe('Name as printed in the byline'),
      /** Short biography for the author page. */
      bio: z.string().trim().min(1).optional().describe('Short biography'),
      /** Profile or home page URL. */
      url: z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL, e.g. https://example.org/staff/jane-doe' }).optional().describe('Profile URL'),
      /** X (Twitter) handle, e.g. `@janedoe`: `twitter:creator` on the author's articles. */
      twitter: twitterHandleSchema.optional().describe('X handle, e.g. @janedoe'),
      /** BCP 47 tag when the name is not in the site language. */
      lang: z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'must be a BCP 47 language tag').optional(),
    })
    .strict();
}
