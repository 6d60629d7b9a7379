import { z } from 'astro/zod';
import { DateTimeSchema } from './date-time.ts';
import { PlainText } from './text.ts';

/**
 * A dated note that fixes an error of fact (`correction`) or removes an ambiguity
 * (`clarification`), shown in a box on the article and listed on `/corrections/`.
 * Maps to schema.org `CorrectionComment` (`correction` property of `NewsArticle`).
 */
export function CorrectionSchema() {
  return z
    .object({
      /** When the correction was made: quoted ISO 8601 with `Z` or an offset. */
      at: DateTimeSchema().describe('When the correction was made'),
      /** `correction` (an error of fact) or `clarification`. */
      kind: z.enum(['correction', 'clarification'], { error: 'must be "correction" or "clarification"' }),
      /** What was wrong and what is right, in one or two sentences. Plain text. */
      text: PlainText({ max: 1000, multiLine: true }),
    })
    .strict();
}
