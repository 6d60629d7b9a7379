import { z } from 'astro/zod';

/** A curated topic (`src/content/topics/<id>.yaml`); its page lists its articles. */
export function TopicSchema() {
  return z
    .object({
      /** Display name, in its own script (`Hong Kong`, `文化`). */
      name: z.string().trim().min(1, 'must not be empty').describe('Display name'),
      /** One or two sentences shown on the topic page. */
      description: z.string().trim().min(1).optional().describe('Short description for the topic page'),
      /** BCP 47 tag when the name is not in the site language (e.g. `ja`), for correct glyphs and speech. */
      lang: z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'must be a BCP 47 language tag, e.g. ja').optional(),
    })
    .strict();
}
