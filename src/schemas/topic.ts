import { z } from 'astro/zod';
import { PlainText } from './text.ts';
import { LanguageTag } from './language.ts';
import { LocationSchema } from './location.ts';

/** A curated topic (`src/content/topics/<id>.yaml`); its page lists its articles. */
export function TopicSchema() {
  return z
    .object({
      /** Display name, in its own script (`Hong Kong`, `文化`). */
      name: PlainText({ max: 200 }).describe('Display name'),
      /** One or two sentences shown on the topic page. */
      description: PlainText({ max: 1000, multiLine: true }).optional().describe('Short description for the topic page'),
      /** BCP 47 tag when the name is not in the site language (e.g. `ja`), for correct glyphs and speech. */
      lang: LanguageTag().optional(),
      /** The topic's place (a country, a region): the map of its articles that have no location of their own. */
      location: LocationSchema().optional(),
    })
    .strict();
}
