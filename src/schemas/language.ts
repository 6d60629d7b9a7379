import { z } from 'astro/zod';
import { isLanguageTag } from '../lib/language.ts';

/** A BCP 47 language tag (the one rule: `src/lib/language.ts`), e.g. `ja`, `en-GB`, `ar`. */
export function LanguageTag() {
  return z.string().refine(isLanguageTag, 'must be a BCP 47 language tag, e.g. ja or en-GB');
}
