import { z } from 'astro/zod';
import { DateTimeSchema } from './date-time.ts';

/** Article id as written in `front.yaml`: a file name in `articles/` without `.md`. */
const ArticleId = () =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'required field is missing: an article id (its file name without .md)' : 'expected an article id (its file name without .md)') })
    .min(1, 'must not be empty');

/**
 * The home page's editorial placement (`src/content/front.yaml`, optional). Without the
 * file, or once it has expired, the newest stories lead.
 *
 * ```yaml
 * lead: abe-putin-hold-intensive-talks-on-disputed-islands
 * top:
 *   - new-faces-emerge-as-veteran-politicians-step-down-in-hong-kong-legislative-election
 * expires: "2016-11-27T00:00:00+08:00"
 * ```
 */
export function FrontSchema() {
  return z
    .object({
      /** The lead story: shown largest, first on the page. */
      lead: ArticleId().describe('Id of the lead story'),
      /** Top stories under the lead, in order; the newest stories fill the remaining slots (up to 4 in all). */
      top: z.array(ArticleId()).max(4, 'at most 4 top stories: the front shows 4 under the lead').default([]).describe('Ids of the top stories under the lead'),
      /** When the placement stops applying (the newest stories lead again): a quoted date-time with offset. */
      expires: DateTimeSchema().optional().describe('When the placement stops applying'),
    })
    .strict();
}
